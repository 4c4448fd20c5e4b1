"""create_service_app(): the same wiring for every service (state, errors, health, ids)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute

from relais_common import fastpath
from relais_common.bodyguard import JSONBodyGuard
from relais_common.db import dispose_async_readers, make_engine, make_sessionmaker
from relais_common.errors import install_error_handlers
from relais_common.health import router as health_router
from relais_common.logs import RequestIdMiddleware, configure_logging
from relais_common.outgoing import FetchSlots
from relais_common.problems import document_media_types_as_sent
from relais_common.settings import CommonSettings
from relais_common.ssrf import SSRFGuard

BackgroundJob = Callable[[FastAPI], Coroutine[Any, Any, None]]


def operation_id(route: APIRoute) -> str:
    """Operation ids "{tag}-{name}" so generated clients get clean method names."""
    tag = str(route.tags[0]) if route.tags else "default"
    return f"{tag}-{route.name}"


def create_service_app(
    settings: CommonSettings,
    *,
    title: str,
    description: str,
    routers: Sequence[APIRouter],
    jobs: Sequence[BackgroundJob] = (),
) -> FastAPI:
    """Build a service: settings and database on app.state, background jobs in the lifespan."""

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        tasks: list[asyncio.Task[None]] = (
            [asyncio.create_task(job(app)) for job in jobs] if settings.run_workers else []
        )
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
            await dispose_async_readers(app.state.engine)
            app.state.engine.dispose()

    configure_logging(settings.log_level, settings.log_json)
    app = FastAPI(
        title=title,
        description=description,
        version="0.1.0",
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
    )
    engine = make_engine(settings.effective_database_url)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    app.state.fetch_slots = FetchSlots(
        settings.outgoing_fetch_limit,
        settings.outgoing_fetch_timeout,
        SSRFGuard(settings.ssrf_allowed_networks),
    )
    install_error_handlers(app)
    document_media_types_as_sent(app)
    app.include_router(health_router)
    for router in routers:
        app.include_router(router)
    fastpath.install(app, enabled=settings.fast_reads)  # innermost: after the request ids
    app.add_middleware(JSONBodyGuard)  # inside the request ids, so refusals carry one
    app.add_middleware(RequestIdMiddleware)
    return app
