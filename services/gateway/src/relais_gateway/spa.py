"""The built SPA under /app/: real files, index.html for client routes, a placeholder if unbuilt."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from relais_common.errors import NotFound

router = APIRouter(include_in_schema=False)
IMMUTABLE = "public, max-age=31536000, immutable"
PLACEHOLDER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Relais</title></head>
<body><main><h1>Relais</h1>
<p>The web application is not built yet. Run <code>make spa</code> (or
<code>cd frontend &amp;&amp; npm run build</code>), then reload this page.</p>
<p>The API is available meanwhile: <a href="/api/docs">/api/docs</a>.</p></main></body></html>
"""


def _safe_file(root: Path, relative: str) -> Path | None:
    """The file under root, never outside it (no ../ escapes)."""
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


@router.get("/app")
async def app_root() -> RedirectResponse:
    return RedirectResponse("/app/", status_code=308)


@router.get("/app/{path:path}")
def spa(path: str, request: Request) -> Response:
    root = Path(request.app.state.gateway.settings.spa_dir).resolve()
    index = root / "index.html"
    if not index.is_file():
        return HTMLResponse(PLACEHOLDER, headers={"Cache-Control": "no-store"})
    found = _safe_file(root, path) if path else None
    if found is not None and found != index:
        hashed = found.parent.name == "assets"  # Vite puts content-hashed files there
        cache = IMMUTABLE if hashed else "public, max-age=300"
        return FileResponse(found, headers={"Cache-Control": cache})
    if "." in path.rsplit("/", 1)[-1]:
        raise NotFound(f"There is no file {path} in the application.")
    return FileResponse(index, headers={"Cache-Control": "no-cache"})
