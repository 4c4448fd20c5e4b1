"""Editorial test fixtures: a migrated throwaway database (SQLite or PostgreSQL) per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.migrations import upgrade
from relais_common.testing import TEST_SECRET, empty_tables, throwaway_database
from relais_editorial.config import Settings
from relais_editorial.main import create_app
from relais_editorial.models import Base

SERVICE_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with throwaway_database("editorial", tmp_path_factory.mktemp("db")) as url:
        upgrade(SERVICE_ROOT, url)
        yield url


@pytest.fixture
def app(database_url: str) -> Iterator[FastAPI]:
    settings = Settings(
        database_url=database_url, internal_secret=TEST_SECRET, env="test", run_workers=False
    )
    application = create_app(settings)
    yield application
    empty_tables(application.state.engine, Base.metadata)
    application.state.engine.dispose()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c
