"""The reference for the public page: a minimal FastAPI app returning the same bytes from memory.

Served by public_page_bench.py (PLANET_BODY_FILE: the page's bytes, PLANET_MEDIA_TYPE).
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI, Response


def create_app() -> FastAPI:
    body = Path(os.environ["PLANET_BODY_FILE"]).read_bytes()
    media_type = os.environ.get("PLANET_MEDIA_TYPE", "text/html; charset=utf-8")
    app = FastAPI()

    @app.get("/")
    async def page() -> Response:
        return Response(body, media_type=media_type)

    return app
