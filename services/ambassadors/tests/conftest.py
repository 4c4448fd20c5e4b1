"""Ambassadors test fixtures: a migrated throwaway database (SQLite or PostgreSQL) per session."""

from __future__ import annotations

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
from relais_common.pytest_plugin import app_under_test
from relais_common.testing import throwaway_database

SERVICE_ROOT = Path(__file__).resolve().parents[1]
# The caller's environment is cleared by the plugin (relais_common.pytest_plugin): a copy of
# that fixture here, session-scoped too, removed what the plugin sets (RELAIS_GC_FREEZE=false)
# for every suite that ran after this one.


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with throwaway_database("ambassadors", tmp_path_factory.mktemp("db")) as url:
        upgrade(SERVICE_ROOT, url)
        yield url


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(database_url, tmp_path)


@pytest.fixture
def app(settings: Settings, request: pytest.FixtureRequest) -> Iterator[FastAPI]:
    """Each test rolled back, unless marked `@pytest.mark.committed` (relais_common's plugin)."""
    with app_under_test(create_app(settings), Base.metadata, request, rollback=True) as a:
        yield a


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c
