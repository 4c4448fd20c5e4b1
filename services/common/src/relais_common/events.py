"""Outbox events without a broker.

A service writes an outbox row in the same transaction as the change (:func:`emit`) and
serves the outbox as an ordered feed (``GET /internal/events?after=<cursor>``). Consumers
keep their cursor in their own database and apply events idempotently.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict
from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Integer,
    MetaData,
    String,
    Table,
    insert,
    select,
    text,
)
from sqlalchemy.orm import Session, sessionmaker

from relais_common.auth import IDENTITY_HEADER, ServiceCaller, service_token
from relais_common.db import UTCDateTime, utcnow
from relais_common.routing import internal_router

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("relais.events")
_ID = BigInteger().with_variant(Integer(), "sqlite")


class EventTables:
    """The outbox and the consumer cursors, declared on a service's own metadata."""

    def __init__(self, metadata: MetaData) -> None:
        self.outbox = Table(
            "outbox_event",
            metadata,
            Column("id", _ID, primary_key=True, autoincrement=True),
            Column("type", String(80), nullable=False),
            # may be a person: their privacy registration must cover the outbox
            Column("aggregate_id", String(64), nullable=False, info={"person": "aggregate"}),
            Column("payload", JSON, nullable=False),
            Column("created_at", UTCDateTime(), nullable=False),
        )
        self.cursor = Table(
            "event_cursor",
            metadata,
            Column("source", String(40), primary_key=True),
            Column("position", _ID, nullable=False),
            Column("updated_at", UTCDateTime(), nullable=False),
        )


def emit(
    session: Session, tables: EventTables, type_: str, aggregate_id: str, payload: dict[str, Any]
) -> None:
    """Record an event in the caller's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        # Serialise writers so ids become visible in id order: consumers never skip one.
        session.execute(text("SELECT pg_advisory_xact_lock(7301)"))
    session.execute(
        insert(tables.outbox).values(
            type=type_, aggregate_id=aggregate_id, payload=payload, created_at=utcnow()
        )
    )


class EventPayload(BaseModel):
    """A typed event: the class names its type, the fields are its payload.

    Providers emit instances through :func:`emit_event`, so a payload cannot drift from its
    model; :func:`events_schema_document` dumps the models as the committed JSON Schema that
    consumers' contract tests read. ``extra="forbid"``: a field nobody declared (an e-mail that
    slipped into a projection) fails at the provider instead of leaking.
    """

    model_config = ConfigDict(extra="forbid")
    event_type: ClassVar[str]

    def aggregate_key(self) -> str:
        """The id of the thing the event is about (every event has an ``id`` field)."""
        return str(getattr(self, "id"))  # noqa: B009 - subclasses declare it


def emit_event(session: Session, tables: EventTables, event: EventPayload) -> None:
    """Record a typed event in the caller's transaction."""
    payload = event.model_dump(mode="json")
    emit(session, tables, event.event_type, event.aggregate_key(), payload)


def events_schema_document(title: str, models: Sequence[type[EventPayload]]) -> str:
    """The JSON Schema of every event type, as committed (sorted keys, indent 2, newline)."""
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "events": {model.event_type: model.model_json_schema() for model in models},
    }
    return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


class Event(BaseModel):
    id: int
    type: str
    aggregate_id: str
    payload: dict[str, Any]
    created_at: str


class EventFeed(BaseModel):
    events: list[Event]
    next_cursor: int


def events_router(tables: EventTables) -> APIRouter:
    router = internal_router("internal", responses={})

    @router.get("/internal/events", response_model=EventFeed, name="events")
    def read_events(
        request: Request,
        _caller: ServiceCaller,
        after: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> EventFeed:
        factory: sessionmaker[Session] = request.app.state.sessionmaker
        with factory() as session:
            rows = session.execute(
                select(tables.outbox)
                .where(tables.outbox.c.id > after)
                .order_by(tables.outbox.c.id)
                .limit(limit)
            ).all()
        events = [
            Event(
                id=r.id,
                type=r.type,
                aggregate_id=r.aggregate_id,
                payload=r.payload,
                created_at=r.created_at.isoformat(),
            )
            for r in rows
        ]
        return EventFeed(events=events, next_cursor=events[-1].id if events else after)

    return router


Handler = Callable[[Session, dict[str, Any]], None]


class EventConsumer:
    """Polls a provider's outbox feed and applies events with the cursor in one transaction."""

    def __init__(
        self,
        *,
        source: str,
        base_url: str,
        tables: EventTables,
        sessions: sessionmaker[Session],
        handlers: Mapping[str, Handler],
        secret: str,
        consumer_name: str,
        interval: float = 2.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.source = source
        self.base_url = base_url.rstrip("/")
        self.tables = tables
        self.sessions = sessions
        self.handlers = handlers
        self.secret = secret
        self.consumer_name = consumer_name
        self.interval = interval
        self.transport = transport

    def position(self) -> int:
        with self.sessions() as session:
            pos = session.scalar(
                select(self.tables.cursor.c.position).where(
                    self.tables.cursor.c.source == self.source
                )
            )
        return int(pos or 0)

    async def poll_once(self) -> int:
        """Fetch and apply one batch; returns how many events were applied."""
        import httpx  # only consumers need it: a provider-only service saves ~6 MB resident

        after = await asyncio.to_thread(self.position)
        headers = {IDENTITY_HEADER: service_token(self.secret, self.consumer_name)}
        async with httpx.AsyncClient(
            base_url=self.base_url, transport=self.transport, timeout=10
        ) as client:
            resp = await client.get("/internal/events", params={"after": after}, headers=headers)
            resp.raise_for_status()
            feed = resp.json()
        events: list[dict[str, Any]] = feed["events"]
        if events:
            await asyncio.to_thread(self.apply, events)
        return len(events)

    def apply(self, events: list[dict[str, Any]]) -> None:
        with self.sessions.begin() as session:
            for event in events:
                handler = self.handlers.get(event["type"])
                if handler is not None:
                    handler(session, event)
            self._save_position(session, int(events[-1]["id"]))

    def _save_position(self, session: Session, position: int) -> None:
        table = self.tables.cursor
        updated = session.execute(
            table.update()
            .where(table.c.source == self.source)
            .values(position=position, updated_at=utcnow())
        )
        if updated.rowcount == 0:  # type: ignore[attr-defined]
            session.execute(
                insert(table).values(source=self.source, position=position, updated_at=utcnow())
            )

    async def drain(self) -> int:
        """Apply everything available now (used by tests and at start-up)."""
        total = 0
        while (n := await self.poll_once()) > 0:
            total += n
        return total

    async def run_forever(self) -> None:
        while True:
            try:
                await self.drain()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # provider down: retry on the next tick
                log.warning("event poll from %s failed: %s", self.source, exc)
            await asyncio.sleep(self.interval)
