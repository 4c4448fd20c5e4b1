"""relais_common.fastpath: a GET route's fast read runs the route's own dependencies, in
FastAPI's order, and leaves every refusal, validation error and failure to the route; and
relais_common.db.read_rows, the reads it makes: no thread, no request pool, no writes."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

import pytest
from fastapi import APIRouter, Depends, FastAPI, Header, Query, Request, Response
from fastapi.testclient import TestClient
from pydantic_core import to_json
from relais_common import fastpath
from relais_common.db import (
    DbSession,
    WriteInReadOnlyHop,
    dispose_async_readers,
    engine_info,
    loop_reader,
    make_engine,
    make_sessionmaker,
    new_metadata,
    read_rows,
)
from relais_common.errors import Forbidden, Unauthorized, install_error_handlers
from relais_common.fastpath import FastAnswer, fast_read
from relais_common.testing import throwaway_database
from sqlalchemy import String, func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    metadata = new_metadata()


class Word(Base):
    __tablename__ = "word"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(40))


CALLS: list[str] = []


async def caller(request: Request) -> str | None:
    CALLS.append("caller")
    return request.headers.get("x-who")


async def signed_in(who: Annotated[str | None, Depends(caller)]) -> str:
    CALLS.append("signed_in")
    if not who:
        raise Unauthorized("Please sign in to use this endpoint.")
    return who


async def not_banned(who: Annotated[str, Depends(signed_in)]) -> None:
    CALLS.append("not_banned")
    if who == "banned":
        raise Forbidden("You may not read the words.")


router = APIRouter(dependencies=[Depends(not_banned)])
WORDS = select(Word.text).order_by(Word.id)


@router.get("/words")
async def words(
    request: Request,
    session: DbSession,
    who: Annotated[str, Depends(signed_in)],
    limit: Annotated[int, Query(ge=1, le=5)] = 3,
    starts: Annotated[str | None, Query(max_length=5)] = None,
) -> Response:
    CALLS.append("route")
    stmt = WORDS.limit(limit) if starts is None else WORDS.where(Word.text.startswith(starts))
    rows = session.execute(stmt).scalars().all()
    return Response(to_json({"who": who, "words": list(rows)}), media_type="application/json")


@fast_read(words)
async def words_at_once(request: Request, values: Mapping[str, Any]) -> FastAnswer | None:
    CALLS.append("fast")
    if values["starts"] == "boom":
        raise RuntimeError("a bug in a fast read")
    if values["starts"] is not None:
        return None
    rows = await read_rows(request.app, WORDS.limit(values["limit"]))
    body = to_json({"who": values["who"], "words": [r.text for r in rows]})
    return FastAnswer(body)


@router.get("/letters")
async def letters(
    session: DbSession,
    who: Annotated[str, Depends(signed_in)],
    first: Annotated[str, Query(max_length=1)],
) -> Response:
    CALLS.append("route")
    return Response(to_json({"first": first}), media_type="application/json")


@fast_read(letters)
async def letters_at_once(request: Request, values: Mapping[str, Any]) -> FastAnswer | None:
    CALLS.append("fast")
    return FastAnswer(to_json({"first": values["first"]}))


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    with throwaway_database("common", tmp_path) as url:
        engine = make_engine(url, pool_size=1, max_overflow=0, pool_timeout=1)
        Base.metadata.create_all(engine)
        with engine.begin() as conn:
            conn.execute(Word.__table__.insert(), [{"text": t} for t in ("a", "bb", "ccc", "dd")])
        yield engine
        engine.dispose()


def make_app(engine: Engine, *, enabled: bool = True) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await dispose_async_readers(engine)

    app = FastAPI(lifespan=lifespan)
    install_error_handlers(app)
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    app.include_router(router)
    fastpath.install(app, enabled=enabled)
    return app


@pytest.fixture
def both(engine: Engine) -> Iterator[tuple[TestClient, TestClient]]:
    with TestClient(make_app(engine)) as fast, TestClient(make_app(engine, enabled=False)) as route:
        yield fast, route


def answered(client: TestClient) -> int:
    return int(client.app.state.fast_routes["/words"].answered)  # type: ignore[attr-defined]


class TestFastRead:
    def test_it_answers_what_the_route_answers(self, both: tuple[TestClient, TestClient]) -> None:
        fast, route = both
        for url in ("/words", "/words?limit=2", "/words?limit=5&other=1", "/words?limit=1&limit=4"):
            before = answered(fast)
            a, b = fast.get(url, headers={"x-who": "ana"}), route.get(url, headers={"x-who": "ana"})
            assert a.status_code == b.status_code == 200
            assert a.content == b.content and a.json()["words"]
            assert a.headers["content-type"] == b.headers["content-type"]
            assert a.headers["content-length"] == b.headers["content-length"]
            assert answered(fast) == before + 1, url
        assert answered(route) == 0

    def test_the_route_s_dependencies_run_in_fastapi_s_order_once_each(
        self, both: tuple[TestClient, TestClient]
    ) -> None:
        fast, route = both
        CALLS.clear()
        assert route.get("/words", headers={"x-who": "ana"}).status_code == 200
        by_route = list(CALLS)
        CALLS.clear()
        assert fast.get("/words", headers={"x-who": "ana"}).status_code == 200
        assert by_route == ["caller", "signed_in", "not_banned", "route"]
        assert CALLS == ["caller", "signed_in", "not_banned", "fast"]

    def test_refusals_and_invalid_queries_are_the_route_s(
        self, both: tuple[TestClient, TestClient]
    ) -> None:
        fast, route = both
        cases = [
            ("/words", {}, 401),
            ("/words", {"x-who": "banned"}, 403),
            ("/words?limit=0", {"x-who": "ana"}, 422),
            ("/words?limit=x", {"x-who": "ana"}, 422),
            ("/words?starts=toolong", {"x-who": "ana"}, 422),
        ]
        for url, headers, status in cases:
            CALLS.clear()
            a, b = fast.get(url, headers=headers), route.get(url, headers=headers)
            assert a.status_code == b.status_code == status, url
            assert a.content == b.content and a.headers["content-type"] == b.headers["content-type"]
            assert "fast" not in CALLS
        assert answered(fast) == 0

    def test_a_missing_required_parameter_is_the_route_s_422(
        self, both: tuple[TestClient, TestClient]
    ) -> None:
        fast, route = both
        CALLS.clear()
        a, b = (
            fast.get("/letters", headers={"x-who": "ana"}),
            route.get("/letters", headers={"x-who": "ana"}),
        )
        assert a.status_code == b.status_code == 422 and a.content == b.content
        assert "fast" not in CALLS
        assert fast.get("/letters?first=z", headers={"x-who": "ana"}).json() == {"first": "z"}
        assert CALLS[-1] == "fast"

    def test_a_handler_that_declines_or_fails_leaves_it_to_the_route(
        self, both: tuple[TestClient, TestClient], caplog: pytest.LogCaptureFixture
    ) -> None:
        fast, _ = both
        CALLS.clear()
        resp = fast.get("/words?starts=b", headers={"x-who": "ana"})
        assert resp.json() == {"who": "ana", "words": ["bb"]}
        fast_then_route = ["caller", "signed_in", "not_banned", "fast"]
        assert [*fast_then_route, "caller", "signed_in", "not_banned", "route"] == CALLS
        with caplog.at_level(logging.WARNING, logger="relais_common.fastpath"):
            resp = fast.get("/words?starts=boom", headers={"x-who": "ana"})
        assert resp.status_code == 200 and resp.json()["words"] == []
        assert "fast read of /words failed (1 time(s)" in caplog.text
        with caplog.at_level(logging.WARNING, logger="relais_common.fastpath"):
            caplog.clear()
            for _ in range(3):  # a database that is down: one warning a minute, not one a request
                assert fast.get("/words?starts=boom", headers={"x-who": "ana"}).status_code == 200
        assert "fast read" not in caplog.text
        assert answered(fast) == 0

    def test_a_get_with_a_body_goes_to_the_route(self, both: tuple[TestClient, TestClient]) -> None:
        fast, _ = both
        CALLS.clear()
        resp = fast.request("GET", "/words", content=b"{}", headers={"x-who": "ana"})
        assert resp.status_code == 200 and CALLS[-1] == "route" and "fast" not in CALLS

    def test_off_means_no_fast_read(self, engine: Engine) -> None:
        app = make_app(engine, enabled=False)
        assert "/words" in app.state.fast_routes  # planned (so checked), not installed
        assert not [m for m in app.user_middleware if m.cls is fastpath.FastReads]


class TestPlans:
    """A fast read that could not run a route's dependencies as FastAPI does is refused when
    the app is built."""

    def build(self, route_router: APIRouter) -> None:
        app = FastAPI()
        app.include_router(route_router)
        fastpath.install(app)

    def test_a_sync_dependency(self) -> None:
        def blocking() -> None: ...

        r = APIRouter()

        @r.get("/a", dependencies=[Depends(blocking)])
        async def a() -> None: ...

        fast_read(a)(words_at_once)
        with pytest.raises(TypeError, match="blocking is not an async function"):
            self.build(r)

    def test_a_dependency_reading_a_header(self) -> None:
        async def by_header(x_token: Annotated[str, Header()]) -> None: ...

        r = APIRouter()

        @r.get("/b", dependencies=[Depends(by_header)])
        async def b() -> None: ...

        fast_read(b)(words_at_once)
        with pytest.raises(TypeError, match="takes request parameters"):
            self.build(r)

    def test_a_generator_dependency(self) -> None:
        async def held() -> AsyncIterator[None]:
            yield

        r = APIRouter()

        @r.get("/c", dependencies=[Depends(held)])
        async def c() -> None: ...

        fast_read(c)(words_at_once)
        with pytest.raises(TypeError, match="held is not an async function"):
            self.build(r)

    def test_a_path_parameter(self) -> None:
        r = APIRouter()

        @r.get("/d/{name}")
        async def d(name: str) -> None: ...

        fast_read(d)(words_at_once)
        with pytest.raises(TypeError, match="without path parameters"):
            self.build(r)


def gone(conn: Any, count: Any) -> bool:
    """Whether no connection matches `count`, waiting up to 2 s for closed ones' backends."""
    for _ in range(100):
        if conn.execute(count).scalar() == 0:
            return True
        time.sleep(0.02)
    return False


class TestReadRows:
    def test_it_never_takes_a_request_pool_connection(self, engine: Engine) -> None:
        with TestClient(make_app(engine)) as client, engine.connect():  # the pool's only one
            resp = client.get("/words", headers={"x-who": "ana"})
        assert resp.json()["words"] == ["a", "bb", "ccc"]

    def test_a_write_is_refused_before_it_is_sent(self, engine: Engine) -> None:
        app = make_app(engine)

        async def sneak() -> None:
            await read_rows(app, text("DELETE FROM word"))

        with pytest.raises(WriteInReadOnlyHop):
            asyncio.run(self._then_dispose(engine, sneak()))
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(Word)).scalar() == 4

    def test_the_database_itself_refuses_writes_on_a_reader(self, engine: Engine) -> None:
        """Beside the statement check: PostgreSQL's read-only sessions refuse a write hidden in
        a SELECT; SQLite, where no SELECT writes, refuses one sent straight to the driver."""
        if engine.dialect.name == "postgresql":
            app = make_app(engine)

            async def hidden() -> None:
                await read_rows(app, select(func.nextval("word_id_seq")))

            with pytest.raises(DBAPIError, match="read-only transaction"):
                asyncio.run(self._then_dispose(engine, hidden()))
        else:
            with loop_reader(engine).connect() as conn:
                driver = conn.connection.driver_connection
                assert driver is not None
                with pytest.raises(sqlite3.OperationalError, match="readonly"):
                    driver.execute("DELETE FROM word")
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(Word)).scalar() == 4

    def test_readers_close_with_the_app(self, engine: Engine) -> None:
        """PostgreSQL: the asyncio reader's one connection, reused, is closed when the app
        stops. SQLite: no asyncio reader is ever made; the loop reader's connection serves."""
        if engine.dialect.name != "postgresql":
            with TestClient(make_app(engine)) as client:
                for _ in range(3):
                    assert client.get("/words", headers={"x-who": "ana"}).status_code == 200
                assert loop_reader(engine).pool.checkedin() == 1  # type: ignore[attr-defined]
            assert not engine_info(engine).get("async_readers")
            return
        # the reader's connections: the last statement they ran was the words' read
        count = text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND query LIKE 'SELECT word.text%'"
        )
        # autocommit: pg_stat_activity is read afresh by each statement, not once a transaction
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            assert gone(conn, count)  # earlier tests' readers, closed, may take a moment to exit
            with TestClient(make_app(engine)) as client:
                for _ in range(3):
                    assert client.get("/words", headers={"x-who": "ana"}).status_code == 200
                during = conn.execute(count).scalar()
                assert engine_info(engine)["async_readers"]
            closed = gone(conn, count)
        assert during == 1  # one reader connection, reused
        assert closed and not engine_info(engine).get("async_readers")

    @staticmethod
    async def _then_dispose(engine: Engine, work: Any) -> None:
        try:
            await work
        finally:
            await dispose_async_readers(engine)
