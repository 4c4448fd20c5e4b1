"""End to end over real HTTP: an outbox provider served by uvicorn on 127.0.0.1, the
aggregator's background consumer polling it, and the public page following along."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from aggregator_factories import Feed, apply, make_settings, wait_for
from fastapi import FastAPI, Request, Response
from fastapi.testclient import TestClient
from relais_aggregator.consumer import ambassador_consumer, sync_once
from relais_aggregator.main import create_app
from relais_aggregator.models import Base
from relais_common.db import make_engine, make_sessionmaker, new_metadata
from relais_common.errors import install_error_handlers
from relais_common.events import EventTables, emit, events_router
from relais_common.settings import CommonSettings
from relais_common.testing import TEST_SECRET, empty_tables
from sqlalchemy.orm import Session, sessionmaker


class Provider:
    """A stand-in for the ambassadors service: its outbox and the real events router."""

    def __init__(self, db_path: Path) -> None:
        metadata = new_metadata()
        self.tables = EventTables(metadata)
        engine = make_engine(f"sqlite:///{db_path}")
        metadata.create_all(engine)
        self.sessions: sessionmaker[Session] = make_sessionmaker(engine)
        self.app = FastAPI()
        self.app.state.settings = CommonSettings(internal_secret=TEST_SECRET, env="test")
        self.app.state.sessionmaker = self.sessions
        install_error_handlers(self.app)
        self.app.include_router(events_router(self.tables))

    def emit(self, type_: str, payload: dict[str, Any]) -> None:
        with self.sessions.begin() as session:
            emit(session, self.tables, type_, str(payload["id"]), payload)


@pytest.fixture
def provider(tmp_path: Path) -> Iterator[tuple[Provider, str]]:
    stub = Provider(tmp_path / "ambassadors.db")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(stub.app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    wait_for(lambda: server.started, "the provider to start")
    yield stub, f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture
def make_app(database_url: str) -> Iterator[Callable[..., FastAPI]]:
    """Aggregator apps on the shared test database, emptied and closed afterwards."""
    made: list[FastAPI] = []

    def build(**overrides: Any) -> FastAPI:
        made.append(create_app(make_settings(database_url, **overrides)))
        return made[-1]

    yield build
    for application in made:
        empty_tables(application.state.engine, Base.metadata)
        application.state.engine.dispose()


def person(person_id: str, name: str) -> dict[str, Any]:
    return {
        "id": person_id,
        "display_name": name,
        "job_title": "Engineer",
        "location": "Nantes",
        "languages": ["en"],
        "bio": "",
        "themes": [{"slug": "open-source", "name": "Open source"}],
        "accounts": [{"platform": "blog", "handle": "ada.dev", "profile_url": "https://ada.dev"}],
        "listed_at": "2026-11-20T09:00:00+00:00",
    }


def test_provider_refuses_callers_without_a_service_identity(
    provider: tuple[Provider, str],
) -> None:
    _, url = provider
    assert httpx.get(f"{url}/internal/events").status_code == 401


def test_page_follows_the_outbox_over_http(
    make_app: Callable[..., FastAPI], provider: tuple[Provider, str]
) -> None:
    stub, url = provider
    app = make_app(ambassadors_url=url, event_poll_seconds=0.05, run_workers=True)
    with TestClient(app) as client:
        page = lambda: client.get("/people/").text  # noqa: E731
        stub.emit(
            "theme.changed",
            {
                "id": "t1",
                "slug": "open-source",
                "name": "Open source",
                "description": "",
                "archived": False,
            },
        )
        stub.emit("ambassador.public", person("p1", "Ada Lovelace"))
        stub.emit("ambassador.public", person("p2", "Grace Hopper"))
        wait_for(
            lambda: "Ada Lovelace" in page() and "Grace Hopper" in page(), "both people listed"
        )
        stub.emit("ambassador.unlisted", {"id": "p1"})
        wait_for(lambda: "Ada Lovelace" not in page(), "the unlisted person to go")
        assert "Grace Hopper" in page()
        stub.emit("ambassador.erased", {"id": "p2"})
        wait_for(lambda: "Grace Hopper" not in page(), "the erased person to go")
        assert "Nobody is listed yet" in page()
        assert client.get("/public").json()["people_count"] == 0


async def test_consumer_with_a_wrong_secret_is_refused(
    make_app: Callable[..., FastAPI], provider: tuple[Provider, str]
) -> None:
    _, url = provider
    app = make_app(ambassadors_url=url, internal_secret="x" * 40)
    with pytest.raises(httpx.HTTPStatusError) as refused:
        await ambassador_consumer(app).poll_once()
    assert refused.value.response.status_code == 401


async def test_pages_refresh_even_when_the_provider_is_down(
    make_app: Callable[..., FastAPI],
) -> None:
    closed = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    closed.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused
    app = make_app(ambassadors_url=f"http://127.0.0.1:{closed.getsockname()[1]}")
    replica = make_app()
    try:
        assert app.state.pages.current().directory.people_count == 0
        apply(replica, Feed().public("p1", "Ada"))  # another replica applied an event
        await sync_once(app, ambassador_consumer(app))  # the poll fails, the refresh happens
        assert app.state.pages.current().directory.people_count == 1
    finally:
        closed.close()


def test_after_a_restart_the_first_page_already_has_the_withdrawals(
    make_app: Callable[..., FastAPI], provider: tuple[Provider, str]
) -> None:
    stub, url = provider

    @stub.app.middleware("http")
    async def slow(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        await asyncio.sleep(0.3)  # a provider that takes a moment to answer the first poll
        return await call_next(request)

    stub.emit("ambassador.public", person("p1", "Ada Lovelace"))
    before = make_app(ambassadors_url=url)  # the aggregator as it was before it stopped
    asyncio.run(sync_once(before, ambassador_consumer(before)))
    assert before.state.pages.current().directory.people_count == 1
    stub.emit("ambassador.unlisted", {"id": "p1"})  # withdrawn while the aggregator was down
    restarted = make_app(ambassadors_url=url, event_poll_seconds=0.05, run_workers=True)
    with TestClient(restarted) as client:
        assert client.get("/public").json()["people_count"] == 0
        assert "Ada Lovelace" not in client.get("/people/").text
