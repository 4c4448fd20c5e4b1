"""A hanging web site cannot starve other people: previews hold no thread and no connection.

The service runs under real uvicorn (real thread pool, real database pool), the blog is a
real TCP server that accepts and never answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from ambassadors_factories import Person, make_settings, person
from fastapi import FastAPI
from relais_ambassadors.main import create_app
from relais_ambassadors.models import Base
from relais_common.testing import empty_tables

# other apps, threads or connections read this module's writes: committed, tables emptied
pytestmark = pytest.mark.committed

PREVIEWS = 60
FETCH_LIMIT = 16
# a correctness bound on starvation (it took 30 s before), not a benchmark: kept generous
STARVED_AFTER_SECONDS = 3.0


class HangingSite:
    """Accepts every connection and never sends a byte."""

    def __init__(self, busy_at: int) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=256)
        self.port = self.listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.busy_at = busy_at
        self.busy = threading.Event()  # set once busy_at connections hang
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.listener.accept()
                self.accepted.append(conn)
                if len(self.accepted) >= self.busy_at:
                    self.busy.set()

    def close(self) -> None:
        self.listener.close()
        for conn in self.accepted:
            conn.close()


@contextlib.contextmanager
def served(app: FastAPI) -> Iterator[str]:
    """``app`` under uvicorn on a free loopback port, in a thread."""
    sock = socket.create_server(("127.0.0.1", 0), backlog=512)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


@pytest.fixture
def real_app(database_url: str, tmp_path: Path) -> Iterator[FastAPI]:
    settings = make_settings(
        database_url, tmp_path, outgoing_fetch_limit=FETCH_LIMIT, outgoing_fetch_timeout=6.0
    )
    app = create_app(settings)
    yield app
    empty_tables(app.state.engine, Base.metadata)
    app.state.engine.dispose()


def test_sixty_previews_of_a_hanging_site_leave_others_fast(real_app: FastAPI) -> None:
    previewer, other = person(real_app), person(real_app, name="Other")
    site = HangingSite(busy_at=FETCH_LIMIT)
    try:
        with served(real_app) as base:
            statuses, me_status, me_seconds = asyncio.run(_storm(base, site, previewer, other))
    finally:
        site.close()
    assert me_status == 200
    assert me_seconds < STARVED_AFTER_SECONDS
    assert 500 not in statuses and 504 not in statuses
    # the slots were fetching (and timed out: 422 says so); the rest were refused at once
    # (a slow machine may let a late preview take a slot freed by a timeout: not counted)
    assert set(statuses) == {422, 503}
    assert statuses.count(422) >= FETCH_LIMIT


async def _storm(
    base: str, site: HangingSite, previewer: Person, other: Person
) -> tuple[list[int], int, float]:
    blog = {"platform": "blog", "value": f"http://127.0.0.1:{site.port}/"}
    limits = httpx.Limits(max_connections=PREVIEWS + 5)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        previews = [
            asyncio.create_task(
                client.post("/accounts/preview", json=blog, headers=previewer.headers)
            )
            for _ in range(PREVIEWS)
        ]
        await asyncio.to_thread(site.busy.wait, 20)  # every fetch slot is hanging now
        started = time.monotonic()
        me = await client.get("/me", headers=other.headers)
        me_seconds = time.monotonic() - started
        answers = await asyncio.gather(*previews)
    for answer in answers:
        if answer.status_code == 503:
            assert answer.headers["Retry-After"] == "5"
            assert answer.headers["content-type"] == "application/problem+json"
    return [a.status_code for a in answers], me.status_code, me_seconds
