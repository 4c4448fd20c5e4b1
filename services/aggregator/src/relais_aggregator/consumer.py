"""The ambassadors' events feed the read model; after each tick the pages re-render if needed."""

from __future__ import annotations

import asyncio
import logging

from fastapi import FastAPI
from relais_common.events import EventConsumer

from relais_aggregator.config import Settings
from relais_aggregator.models import events
from relais_aggregator.readmodel.handlers import HANDLERS

SOURCE = "ambassadors"
log = logging.getLogger("relais.aggregator.consumer")


def ambassador_consumer(app: FastAPI) -> EventConsumer:
    settings: Settings = app.state.settings
    return EventConsumer(
        source=SOURCE,
        base_url=settings.ambassadors_url,
        tables=events,
        sessions=app.state.sessionmaker,
        handlers=HANDLERS,
        secret=settings.internal_secret,
        consumer_name="aggregator",
        interval=settings.event_poll_seconds,
    )


async def sync_once(app: FastAPI, consumer: EventConsumer) -> None:
    """Pull what the provider has, then re-render if the read model moved.

    Pages are refreshed even when the provider is unreachable: another replica sharing the
    database may have applied events meanwhile.
    """
    try:
        await consumer.drain()
    except Exception as exc:  # provider down or failing: retry on the next tick
        log.warning("event poll from %s failed: %s", SOURCE, exc)
    await asyncio.to_thread(app.state.pages.refresh)


async def consume_ambassador_events(app: FastAPI) -> None:
    consumer = ambassador_consumer(app)
    while True:
        try:
            await sync_once(app, consumer)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # database hiccup: keep the last rendered pages
            log.warning("refreshing the public pages failed: %s", exc)
        app.state.pages.caught_up()  # the first pages wait for this (see pages.router)
        await asyncio.sleep(consumer.interval)
