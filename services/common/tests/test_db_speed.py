"""The fast paths of relais_common.db: one thread hop per request, reads on the event loop,
SQLite connections kept open, PostgreSQL without JIT."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from relais_common.db import (
    SQLITE_POOL_SIZE,
    DbSession,
    WriteInReadOnlyHop,
    loop_reader,
    make_engine,
    make_sessionmaker,
    new_metadata,
    one_hop,
    read_on_loop,
)
from relais_common.errors import Conflict, install_error_handlers
from relais_common.testing import throwaway_database
from sqlalchemy import String, event, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    metadata = new_metadata()


class Counter(Base):
    __tablename__ = "counter"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    with throwaway_database("common", tmp_path) as url:
        engine = make_engine(url, pool_size=1, max_overflow=0, pool_timeout=1)
        Base.metadata.create_all(engine)
        yield engine
        engine.dispose()


@pytest.fixture
def app(engine: Engine) -> FastAPI:
    application = FastAPI()
    install_error_handlers(application)
    application.state.engine = engine
    application.state.sessionmaker = make_sessionmaker(engine)
    return application


class TestOneHop:
    def test_work_and_commit_run_in_one_thread_before_the_answer(self, app: FastAPI) -> None:
        threads: dict[str, set[int]] = {"work": set(), "commit": set()}

        @event.listens_for(app.state.sessionmaker, "after_commit")
        def _committed(_session: Session) -> None:
            threads["commit"].add(threading.get_ident())

        @app.post("/counters/{name}", status_code=201)
        async def add(name: str, request: Request, session: DbSession) -> dict[str, str]:
            def work() -> None:
                threads["work"].add(threading.get_ident())
                session.add(Counter(name=name))

            await one_hop(request, session, work)
            return {"name": name}

        @app.get("/loop")
        async def loop() -> int:
            return threading.get_ident()

        with TestClient(app) as client:
            loop_thread = client.get("/loop").json()
            assert client.post("/counters/a").status_code == 201
            # one commit, in the thread that did the work (get_session found nothing to end)
            assert len(threads["work"]) == 1 and threads["commit"] == threads["work"]
            # SQLite: on the event loop, no hop at all; PostgreSQL: in a database thread
            on_loop = app.state.engine.dialect.name == "sqlite"
            assert (threads["work"] == {loop_thread}) is on_loop
        with app.state.sessionmaker() as session:
            assert session.scalars(select(Counter.name)).all() == ["a"]

    def test_the_work_is_rolled_back_when_it_raises(self, app: FastAPI) -> None:
        @app.post("/counters/{name}")
        async def refuse(name: str, request: Request, session: DbSession) -> None:
            def work() -> None:
                session.add(Counter(name=name))
                session.flush()
                raise Conflict("no")

            await one_hop(request, session, work)

        with TestClient(app) as client:
            assert client.post("/counters/b").status_code == 409
            # the pool's only connection came back: the transaction was ended
            assert client.post("/counters/c").status_code == 409
        with app.state.sessionmaker() as session:
            assert session.scalars(select(Counter.name)).all() == []


class TestReadOnlyHop:
    """`one_hop(..., read_only=True)`: reads without BEGIN and COMMIT on PostgreSQL."""

    def routes(self, app: FastAPI) -> None:
        @app.get("/counters")
        async def listing(request: Request, session: DbSession) -> list[str]:
            def work() -> list[str]:
                return list(session.scalars(select(Counter.name).order_by(Counter.name)))

            return await one_hop(request, session, work, read_only=True)

        @app.post("/counters/{name}")
        async def refuse(name: str, request: Request, session: DbSession) -> None:
            def work() -> None:
                session.add(Counter(name=name))
                session.flush()
                raise Conflict("no")

            await one_hop(request, session, work)

        @app.post("/sneaky/{name}")
        async def sneaky(name: str, request: Request, session: DbSession) -> None:
            await one_hop(request, session, lambda: session.add(Counter(name=name)), read_only=True)

    def test_it_reads_without_a_transaction_on_postgresql(self, app: FastAPI) -> None:
        autocommit: list[bool] = []

        @app.get("/mode")
        async def mode(request: Request, session: DbSession) -> None:
            def work() -> None:
                session.execute(select(text("1")))
                driver = session.connection().connection.driver_connection
                autocommit.append(getattr(driver, "autocommit", False) is True)

            await one_hop(request, session, work, read_only=True)

        with TestClient(app) as client:
            assert client.get("/mode").status_code == 200
        # psycopg sends no BEGIN in autocommit; pysqlite sends none before a SELECT anyway
        assert autocommit == [app.state.engine.dialect.name == "postgresql"]

    def test_the_next_request_on_its_connection_is_transactional(self, app: FastAPI) -> None:
        """The pool has one connection: the write after the read runs on the connection the
        read had in autocommit, and its rollback must still undo the insert."""
        self.routes(app)
        with TestClient(app) as client:
            assert client.get("/counters").json() == []
            assert client.post("/counters/a").status_code == 409
            assert client.get("/counters").json() == []
        with app.state.sessionmaker() as session:
            assert session.scalars(select(Counter.name)).all() == []

    def test_a_write_inside_is_refused_before_it_is_sent(self, app: FastAPI) -> None:
        self.routes(app)
        with TestClient(app) as client, pytest.raises(WriteInReadOnlyHop):
            client.post("/sneaky/b")
        with app.state.sessionmaker() as session:
            assert session.scalars(select(Counter.name)).all() == []


class TestReadOnLoop:
    def test_it_never_waits_for_the_request_pool(self, app: FastAPI, engine: Engine) -> None:
        with engine.connect():  # the request pool's only connection is taken
            row = read_on_loop(app, select(text("1")))
        assert row is not None and row[0] == 1

    def test_its_connection_goes_with_the_engine(self, app: FastAPI, engine: Engine) -> None:
        read_on_loop(app, select(text("1")))
        reader = loop_reader(engine)
        assert reader.pool.checkedin() == 1  # type: ignore[attr-defined]
        engine.dispose()
        assert reader.pool.checkedin() == 0  # type: ignore[attr-defined]


def test_sqlite_connections_stay_open_under_concurrency(tmp_path: Path) -> None:
    """16 requests at once used to open and close files: the default pool kept 5."""
    engine = make_engine(f"sqlite:///{tmp_path / 'pool.db'}")
    opened: list[object] = []
    event.listen(engine, "connect", lambda conn, _record: opened.append(conn))
    try:
        held = [engine.connect() for _ in range(SQLITE_POOL_SIZE)]
        for conn in held:
            conn.close()
        assert len(opened) == SQLITE_POOL_SIZE
        again = [engine.connect() for _ in range(SQLITE_POOL_SIZE)]
        for conn in again:
            conn.close()
        assert len(opened) == SQLITE_POOL_SIZE  # none opened again
    finally:
        engine.dispose()


def test_postgresql_sessions_run_without_jit(tmp_path: Path) -> None:
    with throwaway_database("common", tmp_path) as url:
        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                if engine.dialect.name == "postgresql":
                    assert conn.execute(text("SHOW jit")).scalar_one() == "off"
                else:
                    assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        finally:
            engine.dispose()


def test_sixteen_requests_can_hold_a_connection_each(tmp_path: Path) -> None:
    """A request keeps its connection across thread hops: 16 in flight need 16 at once (the
    PostgreSQL pool had 15, and a 16th request waited for a connection held by a waiter)."""
    with throwaway_database("common", tmp_path) as url:
        engine = make_engine(url, pool_timeout=1)
        try:
            held = [engine.connect() for _ in range(16)]
            for conn in held:
                conn.execute(text("SELECT 1"))
                conn.close()
        finally:
            engine.dispose()


class TestReadOnlyRequests:
    """A request that only read ends its transaction on the event loop: no thread hop."""

    def commits(self, app: FastAPI) -> list[int]:
        threads: list[int] = []
        event.listen(
            app.state.sessionmaker,
            "after_commit",
            lambda _session: threads.append(threading.get_ident()),
        )
        return threads

    def test_reads_commit_on_the_loop_and_writes_in_a_thread(self, app: FastAPI) -> None:
        threads = self.commits(app)
        loop: list[int] = []

        @app.get("/counters")
        async def listing(session: DbSession) -> list[str]:
            loop.append(threading.get_ident())
            return list(session.scalars(select(Counter.name)))

        @app.post("/counters/{name}", status_code=201)
        def add(name: str, session: DbSession) -> None:
            session.add(Counter(name=name))

        @app.post("/raw/{name}", status_code=201)
        def raw(name: str, session: DbSession) -> None:  # a write the ORM does not see
            session.connection().execute(
                text("INSERT INTO counter (name) VALUES (:n)"), {"n": name}
            )

        with TestClient(app) as client:
            assert client.get("/counters").json() == []
            assert threads == loop  # the read's commit ran on the event loop
            assert client.post("/counters/a").status_code == 201
            assert client.post("/raw/b").status_code == 201
            assert threads[1] != loop[0] and threads[2] != loop[0]  # writes: in a thread
            assert client.get("/counters").json() == ["a", "b"]
