"""create_app(): routers, jobs and settings for the editorial service."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from relais_common.app import create_service_app
from relais_common.events import EventConsumer, Handler
from relais_common.memory import freeze_startup_objects

from relais_editorial.briefs.router import router as briefs_router
from relais_editorial.calendars.router import router as calendars_router
from relais_editorial.comments.router import router as comments_router
from relais_editorial.config import Settings
from relais_editorial.contributions.router import router as contributions_router
from relais_editorial.counting.router import router as counting_router
from relais_editorial.erasure.handlers import HANDLERS as ERASURE_HANDLERS
from relais_editorial.exports.router import router as exports_router
from relais_editorial.grids.router import router as grids_router
from relais_editorial.ical.router import router as ical_router
from relais_editorial.models import events
from relais_editorial.networks.events import HANDLERS as NETWORK_HANDLERS
from relais_editorial.networks.router import router as networks_router
from relais_editorial.previews.router import router as previews_router
from relais_editorial.reviews.router import router as reviews_router
from relais_editorial.transfer.router import router as transfer_router

# The ambassadors' events editorial applies (each noun lists its own).
HANDLERS: dict[str, Handler] = {**ERASURE_HANDLERS, **NETWORK_HANDLERS}

# One line per noun's router (other nouns add theirs here).
ROUTERS: list[APIRouter] = [
    counting_router,
    exports_router,
    networks_router,
    calendars_router,
    grids_router,
    reviews_router,
    comments_router,
    contributions_router,
    briefs_router,
    ical_router,
    previews_router,
    transfer_router,
]


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
    app = create_service_app(
        settings,
        title="Relais editorial",
        description="Calendars, message grids, shares and tracked links.",
        routers=ROUTERS,
        jobs=[consume_ambassador_events],
    )
    freeze_startup_objects(settings)
    return app
