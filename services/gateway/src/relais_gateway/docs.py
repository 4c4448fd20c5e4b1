"""Swagger UI at /api/docs, served from the vendored `swagger-ui-bundle` package.

No CDN (blocked here and by the CSP) and no inline script: the page loads its
initialiser from /api/docs/init.js, so `script-src 'self'` holds. The package ships
Swagger UI 4, which cannot read OpenAPI 3.1: the page reads /api/docs/openapi.json,
a 3.0 rendering of /api/openapi.json (which stays the 3.1 contract).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from relais_gateway.auth import GatewayState
from relais_gateway.openapi_live import live_document
from relais_gateway.swagger30 import to_openapi30

router = APIRouter(include_in_schema=False)
ASSETS_PREFIX = "/api/docs/assets"
assets = StaticFiles(directory=str(swagger_ui_path))

PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Relais API</title>
<link rel="stylesheet" href="{ASSETS_PREFIX}/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="{ASSETS_PREFIX}/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>
"""
INIT = """window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/docs/openapi.json",
    dom_id: "#swagger-ui",
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
    persistAuthorization: true,
  });
});
"""


@router.get("/api/docs")
async def swagger_page() -> HTMLResponse:
    return HTMLResponse(PAGE)


@router.get("/api/docs/init.js")
async def swagger_init() -> Response:
    return Response(INIT, media_type="text/javascript")


@router.get("/api/docs/openapi.json")
async def swagger_document(request: Request, gateway: GatewayState) -> dict[str, Any]:
    return to_openapi30(await live_document(gateway, request.app.openapi()))
