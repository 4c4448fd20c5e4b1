"""Database plumbing: naming conventions, UTC datetimes, engine, the request session.

One way to use the database from a request, three shapes of it:
- `DbSession` (get_session): the request's session; it commits when the handler returns and
  rolls back when it raises. Sync handlers and services use it as is.
- `one_hop(request, session, work)`: for `async` hot paths, the work and the end of the
  transaction in one thread call (none on SQLite); `read_only=True` for GET pages that only
  read (no transaction on PostgreSQL, writes refused).
- `read_on_loop(app, stmt, params)`: one primary-key read on the event loop, for the checks
  every request makes (a suspended or erased person).
- `await read_rows(app, stmt, params)`: a read without a thread and without blocking the event
  loop, for the fast reads (relais_common.fastpath): PostgreSQL through an asyncio engine of
  its own, SQLite through the loop reader.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import anyio.to_thread
from anyio import CapacityLimiter
from fastapi import Depends, Request
from pydantic_core import from_json
from sqlalchemy import DateTime, Dialect, Executable, MetaData, Row, String, create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.types import TypeDecorator
from starlette.concurrency import run_in_threadpool

if TYPE_CHECKING:  # imported when a reader is made: 1.4 MB that services without one never pay
    from sqlalchemy.ext.asyncio import AsyncEngine

T = TypeVar("T")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_metadata() -> MetaData:
    return MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """timestamptz on PostgreSQL; on SQLite values come back as aware UTC datetimes."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are refused: use UTC-aware datetimes")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class UUIDStr(TypeDecorator[str]):
    """Identifiers as 36-character strings on every backend."""

    impl = String(36)
    cache_ok = True


# Open SQLite connections kept by a service's pool: as many as the request threads that use
# the database at once (one_hop's limiter), so none is opened per request.
SQLITE_POOL_SIZE = 16
# Request threads doing database work at once (one_hop). Each extra thread only adds GIL
# hand-offs: a directory page on SQLite, 16 connections, idle machine, 1/2/4/8 threads:
# 318/308/279/263 rps, p99 70/69/100/132 ms (one at a time: 352). Two, so that a PostgreSQL
# round trip of one request overlaps the work of another.
DB_THREADS = 2


def make_engine(url: str, **kw: Any) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""  # "sqlite://": in memory
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        if "poolclass" not in kw and path and path != ":memory:":
            # Connections kept open: an overflow connection is closed when returned, so under
            # 16 concurrent requests the default 5 opened and closed files (and their page
            # caches) on almost every request (bench/README.md).
            kw.setdefault("pool_size", SQLITE_POOL_SIZE)
            kw.setdefault("max_overflow", 40 - SQLITE_POOL_SIZE)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kw)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "savepoint")
        def _savepoint_inside_a_transaction(conn: Connection, _name: str | None) -> None:
            # pysqlite sends BEGIN only before a write: a SAVEPOINT sent first opens SQLite's
            # transaction itself, and its RELEASE then commits it, out of reach of the outer
            # rollback. BEGIN first, IMMEDIATE because savepoints here guard writes (take the
            # lock now, within busy_timeout, rather than fail to upgrade a read later).
            driver = conn.connection.driver_connection
            if driver is not None and not driver.in_transaction:
                conn.exec_driver_sql("BEGIN IMMEDIATE")

        track_writes(engine)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    if "poolclass" not in kw:
        # Above the 16 connections a benchmark drives: a request keeps its connection from its
        # first query to its commit, across thread hops, so a pool smaller than the requests in
        # flight made threads wait for connections held by requests waiting for threads.
        kw.setdefault("pool_size", 10)
        kw.setdefault("max_overflow", 20)
    # No JIT: a request's queries run in milliseconds, and a high cost estimate (a correlated
    # probe per row of a scan) made PostgreSQL spend 300 ms compiling a 40 ms directory search.
    kw.setdefault("connect_args", {"options": "-c jit=off"})
    # JSON columns and json_agg results parsed by pydantic_core (jiter): 1.3 vs 3.2 us for a
    # list of two accounts; a directory page parses 40 of them (directory/repository.py).
    kw.setdefault("json_deserializer", from_json)
    # No pre-ping: it cost a round trip on every checkout (two a request). After a database
    # restart, the first request on a dead connection fails and SQLAlchemy then discards the
    # whole pool (a disconnect invalidates every connection of that generation).
    engine = create_engine(url, **kw)
    track_writes(engine)
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    factory = sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)

    @event.listens_for(factory, "after_begin")
    def _connection(session: Session, _transaction: Any, connection: Connection) -> None:
        session.info.setdefault("connections", []).append(connection)

    @event.listens_for(factory, "after_transaction_end")
    def _ended(session: Session, transaction: Any) -> None:
        if transaction.parent is None:
            session.info.pop("connections", None)

    return factory


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request: commits when the handler returns, rolls back when it raises.

    Used with scope="function" (see DbSession): the commit happens before the response is sent,
    so a client that got a 2xx can read its own write at once, and a failing commit is a 5xx
    rather than a success followed by a silent rollback.

    Async on purpose: creating a Session does no I/O, so the only thread hop this dependency
    costs is the commit (or rollback) at the end, and none at all when the request never
    touched the database. As a sync generator it cost two hops, one in and one out
    (`make bench-hop` measures a hop).
    """
    factory: sessionmaker[Session] = request.app.state.sessionmaker
    session = factory()
    try:
        yield session
        if session.in_transaction():
            await end_transaction(session, session.commit)
    except BaseException:
        if session.in_transaction():
            await end_transaction(session, session.rollback)
        raise
    finally:
        session.close()  # no I/O left: the transaction is over, the connection is back in the pool


DbSession = Annotated[Session, Depends(get_session, scope="function")]

# False when a connection's transaction begins, True once it sent anything but a SELECT;
# missing (an engine not made here) counts as written.
WROTE = "relais_wrote"
# True on a connection lent to a read-only hop (autocommit on PostgreSQL): anything but a
# SELECT is refused before it is sent, since nothing could roll it back. Reset at each begin.
READS_ONLY = "relais_reads_only"


class WriteInReadOnlyHop(RuntimeError):
    """A statement other than a SELECT inside `one_hop(..., read_only=True)`: a bug, not input."""


def track_writes(engine: Engine) -> None:
    """Remember, per transaction, whether a connection sent anything but SELECTs."""

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.info[WROTE] = False
        conn.info[READS_ONLY] = False

    @event.listens_for(engine, "before_cursor_execute")
    def _statement(conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        verb = statement.lstrip()[:6].upper()
        if verb != "SELECT":
            if verb in SAVEPOINTS:  # marks inside a transaction, not writes
                return
            if conn.info.get(READS_ONLY):
                raise WriteInReadOnlyHop(f"not a read: {statement[:60]!r}")
            conn.info[WROTE] = True


# SAVEPOINT, RELEASE SAVEPOINT, ROLLBACK TO SAVEPOINT: a session inside a test's outer
# transaction (relais_common.pytest_plugin) brackets even its reads with them.
SAVEPOINTS = ("SAVEPO", "RELEAS", "ROLLBA")


def refuse_writes(engine: Engine) -> None:
    """An engine for reads only: each transaction of its connections starts read-only (after
    track_writes' reset), so a statement other than a SELECT raises WriteInReadOnlyHop."""

    @event.listens_for(engine, "begin")
    def _reads_only(conn: Connection) -> None:
        conn.info[READS_ONLY] = True


def read_only(session: Session) -> bool:
    """Nothing to flush, and only SELECTs sent: ending the transaction waits for no lock."""
    if session.new or session.dirty or session.deleted:
        return False
    connections: list[Connection] = session.info.get("connections", [])
    return not any(conn.info.get(WROTE, True) for conn in connections)


async def end_transaction(session: Session, end: Callable[[], None]) -> None:
    """Commit or roll back: on the event loop after reads only, else in the threadpool.

    A read-only transaction ends at once (SQLite sent no BEGIN; PostgreSQL answers a COMMIT
    without waiting for any lock), cheaper than the thread hop that a write's commit needs.
    """
    if read_only(session):
        end()
    else:
        await run_in_threadpool(end)


def db_limiter(app: Any) -> CapacityLimiter:
    """The service's limiter for database threads (created in the running event loop)."""
    limiter: CapacityLimiter | None = getattr(app.state, "db_limiter", None)
    if limiter is None:
        limiter = app.state.db_limiter = CapacityLimiter(DB_THREADS)
    return limiter


async def one_hop(
    request: Request, session: Session, work: Callable[[], T], *, read_only: bool = False
) -> T:
    """Run a request's database work and end its transaction in ONE threadpool call.

    For `async def` handlers on hot read paths. A sync handler costs a hop for the handler and
    another for the session's commit (`make bench-hop` measures one); here the work, then the
    commit (or the rollback when it raises) run in the same thread, so get_session finds no
    transaction left and costs no hop. The commit still belongs to this module, not to the
    service, and still happens before the response is sent. At most DB_THREADS requests do
    this at once: a connection is only checked out by a thread that runs, never held while
    waiting for one.

    On SQLite there is no hop at all: the work runs on the event loop. Its queries are
    microseconds of C on a local file, cheaper than the hand-off to a thread and back
    (`GET /me` 1.5 -> 1.1 ms of CPU in-process, bench/README.md). So on SQLite this is for
    reads (a write's commit could wait for the file's lock while the loop waits with it).

    `read_only=True` (hot GET pages): on PostgreSQL the work runs without a transaction, and a
    statement other than a SELECT raises WriteInReadOnlyHop before it is sent
    (reads_without_transaction).
    """

    def unit() -> T:
        conn = reads_without_transaction(session) if read_only else None
        marked = conn.info if conn is not None else None  # the connection's, kept by the pool
        try:
            result = work()
            if session.in_transaction():
                session.commit()
            return result
        except BaseException:
            if session.in_transaction():
                session.rollback()
            raise
        finally:
            if marked is not None:  # a connection lent for longer (a test's) writes again
                marked[READS_ONLY] = False

    if request.app.state.engine.dialect.name == "sqlite":
        return unit()
    return await anyio.to_thread.run_sync(unit, limiter=db_limiter(request.app))


def reads_without_transaction(session: Session) -> Connection | None:
    """Lend the session a connection for reads only; on PostgreSQL in autocommit.

    No BEGIN and no COMMIT: two of the round trips of a page (a directory page made six). The
    reads see what they saw inside a transaction: under READ COMMITTED, PostgreSQL's default
    and ours, each statement takes its own snapshot either way. The pool sets the isolation
    level back when the connection returns (psycopg does that client-side, no round trip), so
    the next request's transaction is an ordinary one (test_db_speed). On SQLite the connection
    is the usual one (pysqlite sends no BEGIN before a SELECT); on both, anything but a SELECT
    raises WriteInReadOnlyHop before it is sent. A session already in a transaction: unchanged
    (None); otherwise the connection lent, which one_hop gives back to writes afterwards.
    """
    if session.in_transaction():
        return None
    bind = session.get_bind()
    # a session bound to a connection (a test's outer transaction) keeps its transaction
    autocommit = isinstance(bind, Engine) and bind.dialect.name == "postgresql"
    options = {"isolation_level": "AUTOCOMMIT"} if autocommit else {}
    conn = session.connection(execution_options=options)
    conn.info[READS_ONLY] = True
    return conn


# Tests that run inside one outer transaction (relais_common.pytest_plugin) bind the app's
# reads to its connection: the loop reader and the asyncio readers could not see its rows.
BOUND_READS = "reads_bound_to"


def bind_reads(app: Any, connection: Connection) -> None:
    """Run read_on_loop and read_rows on `connection` (a test's outer transaction)."""
    setattr(app.state, BOUND_READS, connection)


def loop_reader(engine: Engine) -> Engine:
    """A one-connection engine for `read_on_loop`, disposed with the engine it copies."""
    info = engine_info(engine)
    reader: Engine | None = info.get("loop_reader")
    if reader is None:
        # Autocommit: a read needs no BEGIN and ROLLBACK (two round trips on PostgreSQL).
        reader = make_engine(
            engine.url.render_as_string(hide_password=False),
            pool_size=1,
            max_overflow=0,
            isolation_level="AUTOCOMMIT",
        )
        refuse_writes(reader)
        if reader.dialect.name == "sqlite":
            # the database refuses writes on it too, as PostgreSQL does on the asyncio readers
            event.listen(reader, "connect", _query_only)
        event.listen(engine, "engine_disposed", lambda _engine: reader.dispose())
        info["loop_reader"] = reader
    return reader


def _query_only(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()


def engine_info(engine: Engine) -> dict[str, Any]:
    """Per-engine state of this module (Engine has no `info` of its own)."""
    info: dict[str, Any] | None = getattr(engine, "_relais_info", None)
    if info is None:
        info = {}
        engine._relais_info = info  # type: ignore[attr-defined]
    return info


def read_on_loop(
    app: Any, stmt: Executable, params: dict[str, Any] | None = None
) -> Row[Any] | None:
    """One small read (a row by primary key) on the event loop thread: no thread hop.

    For checks every request makes (an erased or suspended person), where a hop would cost
    more than the read. It uses its own single connection, checked out and returned without
    an await in between, so it never waits for the request pool (a request thread may hold
    those connections while it waits for the event loop). A primary-key read never waits for
    a lock: SQLite in WAL mode lets readers run beside the writer, PostgreSQL is MVCC.
    A statement built once with bind parameters (`params`) skips building and hashing it.
    """
    bound: Connection | None = getattr(app.state, BOUND_READS, None)
    if bound is not None:
        return bound.execute(stmt, params).first()
    with loop_reader(app.state.engine).connect() as conn:
        return conn.execute(stmt, params).first()


# Connections of a service's asyncio reader (read_rows), beside the request pool, each checked
# out for one statement only. `make bench-db` on PostgreSQL, 16 connections through the gateway:
# 8 readers, directory 729-749 rps (p99 34-36 ms), service 116.2 MB; 16 readers, 813-838 rps
# (p99 25-28 ms), 117.6-118.2 MB, twice the connections; 4 gave a p99 of 89 ms (prototype).
# 8: the memory limit (120 MB) and max_connections are the scarcer.
ASYNC_READERS = 8
# A read that waits longer than this for a reader connection gives up (TimeoutError): the
# fast path then hands the request to its FastAPI route, which queues on the request pool.
ASYNC_READER_WAIT_SECONDS = 2.0
READERS = "async_readers"


def async_reader(app: Any) -> AsyncEngine:
    """The service's asyncio engine on PostgreSQL, one per event loop, made on first use.

    Autocommit, and read-only twice over: PostgreSQL refuses any write in its sessions
    (default_transaction_read_only), and a statement other than a SELECT raises
    WriteInReadOnlyHop before it is sent. Disposed with the app (dispose_async_readers).
    """
    loop = asyncio.get_running_loop()
    readers: dict[asyncio.AbstractEventLoop, AsyncEngine] = engine_info(
        app.state.engine
    ).setdefault(READERS, {})
    reader = readers.get(loop)
    if reader is None:
        from sqlalchemy.ext.asyncio import create_async_engine

        for other in [key for key in readers if key.is_closed()]:
            readers.pop(other).sync_engine.dispose(close=False)  # its loop is gone
        engine: Engine = app.state.engine
        reader = create_async_engine(
            engine.url,
            pool_size=ASYNC_READERS,
            max_overflow=0,
            pool_timeout=ASYNC_READER_WAIT_SECONDS,
            isolation_level="AUTOCOMMIT",
            json_deserializer=from_json,
            connect_args={"options": "-c jit=off -c default_transaction_read_only=on"},
        )
        track_writes(reader.sync_engine)
        refuse_writes(reader.sync_engine)
        readers[loop] = reader
    return reader


async def dispose_async_readers(engine: Engine) -> None:
    """Close the asyncio readers made for this engine (the app's lifespan calls it)."""
    readers: dict[asyncio.AbstractEventLoop, AsyncEngine] = engine_info(engine).pop(READERS, {})
    for loop, reader in readers.items():
        if loop is asyncio.get_running_loop():
            await reader.dispose()
        else:
            reader.sync_engine.dispose(close=False)


def reader_engines(engine: Engine) -> list[Engine]:
    """The engines that run statements for this one: the loop reader and the asyncio
    readers (relais_common.querycount counts theirs too)."""
    info = engine_info(engine)
    loop = info.get("loop_reader")
    readers: dict[Any, AsyncEngine] = info.get(READERS, {})
    return [*([loop] if loop is not None else []), *(r.sync_engine for r in readers.values())]


async def read_rows(
    app: Any, stmt: Executable, params: dict[str, Any] | None = None
) -> Sequence[Row[Any]]:
    """Every row of one read, on the event loop without blocking it and without a thread.

    PostgreSQL: through the asyncio reader (async_reader), so the loop serves other requests
    while the database works: a page read this way and answered by the fast path costs 1.0
    ms of CPU where the FastAPI route with its thread hop costs 1.9 (bench/README.md). SQLite:
    through the loop reader, as read_on_loop does (a local file: microseconds of C, cheaper
    than any hand-off). Reads only, on both: anything else raises WriteInReadOnlyHop.
    """
    bound: Connection | None = getattr(app.state, BOUND_READS, None)
    if bound is not None:
        return bound.execute(stmt, params).all()
    engine: Engine = app.state.engine
    if engine.dialect.name != "postgresql":
        with loop_reader(engine).connect() as conn:
            return conn.execute(stmt, params).all()
    async with async_reader(app).connect() as conn:
        return (await conn.execute(stmt, params)).all()
