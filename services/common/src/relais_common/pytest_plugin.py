"""The services' pytest plugin: shared fixtures and the authorization-table runner.

Loaded for every suite (``-p relais_common.pytest_plugin`` in pyproject's addopts). A service's
``conftest.py`` declares what it is testing with a session fixture::

    @pytest.fixture(scope="session")
    def relais_service() -> ServiceUnderTest:
        return ServiceUnderTest("editorial", SERVICE_ROOT, Base.metadata, make_app)

and gets ``database_url`` (a throwaway database built by the migrations, once per session),
``app`` (each test inside an outer transaction that is rolled back) and ``client``. A conftest
fixture of the same name overrides the plugin's, so a suite can move over one fixture at a time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection, Engine

from relais_common.contracts import app_routes
from relais_common.db import bind_reads
from relais_common.migrations import upgrade
from relais_common.testing import (
    empty_tables,
    identity_headers,
    share_validators_across_apps,
    throwaway_database,
)

# Settings read these prefixes from the environment: the caller's shell must change nothing.
CALLER_PREFIXES = ("RELAIS_", "AMBASSADORS_", "EDITORIAL_", "AGGREGATOR_", "GATEWAY_")


@dataclass(frozen=True)
class ServiceUnderTest:
    name: str
    root: Path  # the service's folder (alembic.ini, migrations/)
    metadata: MetaData
    make_app: Callable[[str], FastAPI]  # database URL -> app (workers off)
    # False for a suite whose tests need committed data across connections (then every
    # table is emptied after each test instead).
    rolled_back: bool = True


def pytest_configure(config: pytest.Config) -> None:
    # Each test builds its own app (create_app): without this, every app compiles again the
    # pydantic validators of every route it is called on (a third of the suite's CPU).
    share_validators_across_apps()


@pytest.fixture(scope="session", autouse=True)
def _no_caller_environment() -> Iterator[None]:
    """Tests never depend on the caller's environment (an exported RELAIS_ADMIN_EMAIL, say):
    every setting comes from the test's own values. RELAIS_TEST_* pick the test database."""
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.startswith(CALLER_PREFIXES) and not name.startswith("RELAIS_TEST_"):
                patch.delenv(name)
        # one process builds many apps here: frozen (relais_common.memory), none would be freed
        patch.setenv("RELAIS_GC_FREEZE", "false")
        yield


@pytest.fixture(scope="session")
def relais_service() -> ServiceUnderTest:
    raise pytest.UsageError("declare a session fixture relais_service in the suite's conftest.py")


class Databases:
    """One migrated throwaway database per service, made on first use, dropped at the end."""

    def __init__(self, tmp: pytest.TempPathFactory) -> None:
        self.tmp = tmp
        self.urls: dict[str, str] = {}
        self.stack = ExitStack()

    def url(self, service: ServiceUnderTest) -> str:
        if service.name not in self.urls:
            folder = self.tmp.mktemp(f"db-{service.name}")
            url = self.stack.enter_context(throwaway_database(service.name, folder))
            upgrade(service.root, url)
            self.urls[service.name] = url
        return self.urls[service.name]


@pytest.fixture(scope="session")
def relais_databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    databases = Databases(tmp_path_factory)
    with databases.stack:
        yield databases


@pytest.fixture
def database_url(relais_service: ServiceUnderTest, relais_databases: Databases) -> str:
    # Function-scoped on purpose: a session fixture is cached once for the whole run, and the
    # suites of several services run together (each declares its own relais_service).
    return relais_databases.url(relais_service)


def _outer_transaction(app: FastAPI) -> Connection:
    """Bind every session of the app to one connection inside a transaction left open.

    Each request's commit only releases a SAVEPOINT; the test's end rolls everything back.
    pysqlite would start (and RELEASE would commit) a transaction of its own around the first
    SAVEPOINT: with its isolation level off, the BEGIN here is the only one.
    """
    engine: Engine = app.state.engine
    connection = engine.connect()
    if connection.dialect.name == "sqlite":
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.isolation_level = None
        connection.begin()
        connection.exec_driver_sql("BEGIN")
    else:
        connection.begin()
    # configure() changes the one sessionmaker in place: the jobs and caches built by
    # create_app hold it too, and follow.
    app.state.sessionmaker.configure(bind=connection, join_transaction_mode="create_savepoint")
    bind_reads(app, connection)  # the reads on the event loop too (relais_common.db)
    return connection


@contextmanager
def rolled_back(app: FastAPI) -> Iterator[FastAPI]:
    """The app inside one outer transaction, rolled back at the end (_outer_transaction)."""
    connection = _outer_transaction(app)
    try:
        yield app
    finally:
        connection.rollback()
        connection.close()


@contextmanager
def app_under_test(
    application: FastAPI, metadata: MetaData, request: pytest.FixtureRequest, *, rollback: bool
) -> Iterator[FastAPI]:
    """A test's app: inside one outer transaction rolled back at its end; or, for a suite that
    is not rolled back or a test marked `@pytest.mark.committed` (its writes are read by other
    apps, threads or connections), committing, with every table emptied after it."""
    try:
        if rollback and request.node.get_closest_marker("committed") is None:
            with rolled_back(application):
                yield application
        else:
            yield application
            empty_tables(application.state.engine, metadata)
    finally:
        application.state.engine.dispose()


@pytest.fixture
def app(
    relais_service: ServiceUnderTest, database_url: str, request: pytest.FixtureRequest
) -> Iterator[FastAPI]:
    application = relais_service.make_app(database_url)
    rolled = relais_service.rolled_back
    with app_under_test(application, relais_service.metadata, request, rollback=rolled) as a:
        yield a


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


# ---------------------------------------------------------------- authorization tables
# (method, path template) -> (concrete path to call, expected status per caller)
AccessTable = Mapping[tuple[str, str], tuple[str, Mapping[str, int]]]
PUBLIC = {"anonymous": 200, "service": 200, "ambassador": 200, "admin": 200}
SIGNED_IN = {"anonymous": 401, "service": 401, "ambassador": 200, "admin": 200}
DOCS: dict[tuple[str, str], tuple[str, Mapping[str, int]]] = {
    (method, path): (path, PUBLIC)
    for path in ("/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc")
    for method in ("GET", "HEAD")
}


def callers(service: str) -> dict[str, Callable[[], dict[str, str]]]:
    """Who calls, as header factories: tokens live 60 s, so make them at request time."""
    return {
        "anonymous": dict,
        "service": lambda: identity_headers(f"service:{service}", {"service"}),
        "ambassador": lambda: identity_headers("u-1", {"ambassador"}),
        "admin": lambda: identity_headers("u-2", {"ambassador", "admin"}),
    }


def assert_table_covers_every_route(app: FastAPI, table: AccessTable) -> None:
    missing = app_routes(app) - set(table)
    assert not missing, f"add these routes to the authorization table: {sorted(missing)}"
    stale = set(table) - app_routes(app)
    assert not stale, f"these rows name routes that no longer exist: {sorted(stale)}"


def assert_answer(resp: httpx.Response, expected: int, who: str) -> None:
    """The status the table says; a server error never passes, whatever the table says."""
    where = f"{resp.request.method} {resp.request.url.path} as {who}"
    assert resp.status_code < 500, f"{where}: server error {resp.status_code}: {resp.text[:300]}"
    assert resp.status_code == expected, f"{where}: {resp.status_code}, expected {expected}"
