"""create_app(): routers, jobs and settings for the editorial service."""

from __future__ import annotations

from fastapi import FastAPI
from relais_common.app import create_service_app
from relais_common.events import EventConsumer

from relais_editorial.config import Settings
from relais_editorial.counting.router import router as counting_router
from relais_editorial.erasure.handlers import HANDLERS
from relais_editorial.exports.router import router as exports_router
from relais_editorial.models import events


def ambassador_consumer(app: FastAPI) -> EventConsumer:
    settings: Settings = app.state.settings
    return EventConsumer(
        source="ambassadors",
        base_url=settings.ambassadors_url,
        tables=events,
        sessions=app.state.sessionmaker,
        handlers=HANDLERS,
        secret=settings.internal_secret,
        consumer_name="editorial",
        interval=settings.event_poll_seconds,
    )


async def consume_ambassador_events(app: FastAPI) -> None:
    await ambassador_consumer(app).run_forever()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    return create_service_app(
        settings,
        title="Relais editorial",
        description="Calendars, message grids, shares and tracked links.",
        routers=[counting_router, exports_router],
        jobs=[consume_ambassador_events],
    )
