"""Liveness and readiness."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from relais_common.routing import public_router

router = public_router("health", responses={})


@router.get("/livez", name="livez")
async def livez() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", name="readyz", response_model=None)
def readyz(request: Request) -> JSONResponse | dict[str, str]:
    try:
        with request.app.state.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception:
        return JSONResponse({"status": "unavailable", "database": "down"}, status_code=503)
    return {"status": "ok", "database": "up"}
