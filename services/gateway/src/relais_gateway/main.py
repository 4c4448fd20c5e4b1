"""create_app(): the gateway's routers, middleware and lifespan — nothing else."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI
from relais_common.app import operation_id
from relais_common.errors import install_error_handlers
from relais_common.logs import RequestIdMiddleware, configure_logging
from relais_common.problems import document_media_types_as_sent

from relais_gateway import auth, docs, health, openapi_live, spa
from relais_gateway.config import GatewaySettings
from relais_gateway.edge import BodyDeadlineMiddleware
from relais_gateway.head import HeadAsGetMiddleware
from relais_gateway.microcache import MicroCacheMiddleware
from relais_gateway.middleware import AccessLogMiddleware, SecurityHeadersMiddleware
from relais_gateway.proxy import ProxyMiddleware
from relais_gateway.public_cache import PublicCache
from relais_gateway.ratelimit import RateLimitMiddleware
from relais_gateway.standing import Standings, ambassadors_fetch
from relais_gateway.state import Gateway
from relais_gateway.upstreams import Upstreams


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    upstreams = Upstreams(settings)
    standings = Standings(
        ambassadors_fetch(upstreams), settings.identity_cache_seconds, settings.identity_cache_size
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await upstreams.open()
        try:
            yield
        finally:
            await upstreams.close()

    configure_logging(settings.log_level, settings.log_json)
    app = FastAPI(
        title="Relais gateway",
        description="Sign in, sessions and the single entrance to the Relais services.",
        version="0.1.0",
        lifespan=lifespan,
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    app.state.gateway = Gateway(settings=settings, upstreams=upstreams, standings=standings)
    install_error_handlers(app)
    document_media_types_as_sent(app)
    for module in (health, auth, openapi_live, docs, spa):
        app.include_router(module.router)
    app.mount(docs.ASSETS_PREFIX, docs.assets, name="swagger-assets")
    # Added innermost first: the proxy sits right before the router.
    app.add_middleware(ProxyMiddleware, upstreams=upstreams, standings=standings)
    app.add_middleware(HeadAsGetMiddleware)
    app.add_middleware(BodyDeadlineMiddleware, seconds=settings.body_timeout)
    app.add_middleware(RateLimitMiddleware, settings=settings)
    if settings.public_cache_mb > 0:  # outside the rate limit: a copy costs no service anything
        cache = PublicCache(
            int(settings.public_cache_mb * 1_048_576), settings.public_cache_seconds
        )
        app.add_middleware(
            MicroCacheMiddleware,
            cache=cache,
            trust_forwarded=settings.trust_forwarded,
            wait_seconds=settings.request_timeout,
        )
    app.add_middleware(SecurityHeadersMiddleware, trust_forwarded=settings.trust_forwarded)
    if settings.access_log:
        app.add_middleware(AccessLogMiddleware, trust_forwarded=settings.trust_forwarded)
    app.add_middleware(RequestIdMiddleware)
    return app
