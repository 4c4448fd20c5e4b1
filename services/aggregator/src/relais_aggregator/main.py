"""create_app(): routers, the event consumer job and the render cache."""

from __future__ import annotations

from fastapi import FastAPI
from relais_common.app import create_service_app
from relais_common.memory import freeze_startup_objects

from relais_aggregator.config import Settings
from relais_aggregator.consumer import consume_ambassador_events
from relais_aggregator.feeds.images import ImageTokens, image_proxy_of
from relais_aggregator.feeds.jobs import refresh_feeds
from relais_aggregator.feeds.router import router as feeds_router
from relais_aggregator.models import events
from relais_aggregator.moderation.router import router as moderation_router
from relais_aggregator.outputs.router import router as outputs_router
from relais_aggregator.pages.brand import Brand
from relais_aggregator.pages.cache import PublicPages
from relais_aggregator.pages.fastpath import PlanetFastPath
from relais_aggregator.pages.router import router as pages_router


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = create_service_app(
        settings,
        title="Relais aggregator",
        description="The public page of who speaks for the company, fed by ambassadors' events.",
        routers=[pages_router, outputs_router, feeds_router, moderation_router],
        jobs=[consume_ambassador_events, refresh_feeds],
    )
    app.state.pages = PublicPages(
        app.state.sessionmaker,
        events,
        Brand.from_settings(settings),
        image_tokens=ImageTokens(settings.internal_secret),
        catching_up=settings.run_workers,
    )
    app.state.image_proxy = image_proxy_of(settings)
    app.add_middleware(PlanetFastPath, pages=app.state.pages)  # outermost: cached bytes first
    freeze_startup_objects(settings)
    return app
