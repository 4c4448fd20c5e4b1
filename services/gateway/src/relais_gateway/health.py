"""/livez (the gateway runs) and /readyz (every service behind it is ready)."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from relais_common.errors import problem_response

from relais_gateway.auth import GatewayState
from relais_gateway.state import Gateway

router = APIRouter(tags=["health"])
READY_TIMEOUT = aiohttp.ClientTimeout(total=2.0)


@router.get("/livez", name="livez", include_in_schema=False)
async def livez() -> dict[str, str]:
    return {"status": "ok"}


async def _ready(gateway: Gateway, service: str) -> bool:
    url = gateway.upstreams.urls[service] + "/readyz"
    try:
        async with gateway.upstreams.session(service).get(url, timeout=READY_TIMEOUT) as resp:
            return resp.status == 200
    except (aiohttp.ClientError, TimeoutError):
        return False


@router.get("/readyz", name="readyz", include_in_schema=False, response_model=None)
async def readyz(gateway: GatewayState) -> JSONResponse | dict[str, Any]:
    names = list(gateway.upstreams.urls)
    results = await asyncio.gather(*(_ready(gateway, name) for name in names))
    services = {name: "up" if ok else "down" for name, ok in zip(names, results, strict=True)}
    down = [name for name, state in services.items() if state == "down"]
    if down:
        return problem_response(
            503, f"Not ready: {', '.join(down)} not ready.", down=down, services=services
        )
    return {"status": "ok", "services": services}
