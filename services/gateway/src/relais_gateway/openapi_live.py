"""GET /api/openapi.json: merged from the running services, cached; a service down is left out."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import aiohttp
from fastapi import APIRouter, Request

from relais_gateway.auth import GatewayState
from relais_gateway.openapi_merge import Document, merge
from relais_gateway.state import Gateway

router = APIRouter(include_in_schema=False)
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=2.0)


async def _fetch(gateway: Gateway, service: str) -> Document | None:
    url = gateway.upstreams.urls[service] + "/openapi.json"
    try:
        async with gateway.upstreams.session(service).get(url, timeout=FETCH_TIMEOUT) as resp:
            if resp.status != 200:
                return None
            document: Document = await resp.json(content_type=None)
            return document
    except (aiohttp.ClientError, TimeoutError, ValueError):
        return None


async def live_document(gateway: Gateway, own: Document) -> Document:
    now = time.monotonic()
    cached = gateway.openapi_document
    if cached is not None and now - gateway.openapi_at < gateway.settings.openapi_cache_seconds:
        return cached
    names = list(gateway.upstreams.urls)
    fetched = await asyncio.gather(*(_fetch(gateway, name) for name in names))
    specs = {name: spec for name, spec in zip(names, fetched, strict=True) if spec}
    document = merge(own, specs)
    gateway.openapi_at, gateway.openapi_document = now, document
    return document


@router.get("/api/openapi.json")
async def openapi_json(request: Request, gateway: GatewayState) -> dict[str, Any]:
    return await live_document(gateway, request.app.openapi())
