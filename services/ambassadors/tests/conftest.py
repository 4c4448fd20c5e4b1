"""Ambassadors test fixtures: a migrated throwaway database (SQLite or PostgreSQL) per session."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The helpers module has a service-specific name: the suites of all services run together.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from ambassadors_factories import make_settings
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.config import Settings
from relais_ambassadors.main import create_app
from relais_ambassadors.models import Base
from relais_common.migrations import upgrade
from relais_common.testing import empty_tables, throwaway_database

SERVICE_ROOT = Path(__file__).resolve().parents[1]
# Settings read these prefixes from the environment: the caller's shell must change nothing.
CALLER_PREFIXES = ("RELAIS_", "AMBASSADORS_", "EDITORIAL_", "AGGREGATOR_", "GATEWAY_")


@pytest.fixture(scope="session", autouse=True)
def _no_caller_environment() -> Iterator[None]:
    """Tests never depend on the caller's environment (say an exported RELAIS_ADMIN_EMAIL):
    every setting comes from the test's own values. RELAIS_TEST_* pick the test database."""
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.startswith(CALLER_PREFIXES) and not name.startswith("RELAIS_TEST_"):
                patch.delenv(name)
        yield


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with throwaway_database("ambassadors", tmp_path_factory.mktemp("db")) as url:
        upgrade(SERVICE_ROOT, url)
        yield url


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(database_url, tmp_path)


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    application = create_app(settings)
    yield application
    empty_tables(application.state.engine, Base.metadata)
    application.state.engine.dispose()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c
