"""The built SPA under /app/: real files, index.html for client routes, a placeholder if unbuilt.

The build leaves `<file>.br` and `<file>.gz` next to each asset: the one the browser accepts is
sent (brotli first), with Content-Encoding, Vary and the Content-Type of the original file; its
ETag is that of the compressed file, so each encoding has its own.
"""

from __future__ import annotations

import mimetypes
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


ENCODINGS = (("br", ".br"), ("gzip", ".gz"))  # preferred first


def accepted_encodings(header: str) -> dict[str, float]:
    """Accept-Encoding as {coding: q}."""
    accepted: dict[str, float] = {}
    for part in header.split(",")[:32]:
        coding, _, params = part.partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if coding.strip():
            accepted[coding.strip().lower()] = quality
    return accepted


def _file_response(found: Path, accept_encoding: str, cache: str) -> FileResponse:
    media_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
    headers = {"Cache-Control": cache}
    variants = [(c, found.with_name(found.name + s)) for c, s in ENCODINGS]
    variants = [(c, p) for c, p in variants if p.is_file()]
    if not variants:
        return FileResponse(found, media_type=media_type, headers=headers)
    headers["Vary"] = "Accept-Encoding"
    accepted = accepted_encodings(accept_encoding)
    wildcard = accepted.get("*", 0.0)
    best = max(variants, key=lambda v: accepted.get(v[0], wildcard), default=None)
    if best is None or accepted.get(best[0], wildcard) <= 0:
        return FileResponse(found, media_type=media_type, headers=headers)
    headers["Content-Encoding"] = best[0]
    return FileResponse(best[1], media_type=media_type, headers=headers)


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
        return _file_response(found, request.headers.get("accept-encoding", ""), cache)
    if "." in path.rsplit("/", 1)[-1]:
        raise NotFound(f"There is no file {path} in the application.")
    return _file_response(index, request.headers.get("accept-encoding", ""), "no-cache")
