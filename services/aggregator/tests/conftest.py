"""Aggregator test fixtures: a migrated throwaway database (SQLite or PostgreSQL) per session."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_aggregator.main import create_app
from relais_aggregator.models import Base
from relais_common.migrations import upgrade
from relais_common.testing import empty_tables, throwaway_database

if TYPE_CHECKING:
    from aggregator_factories import Feed

SERVICE_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests import aggregator_factories


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with throwaway_database("aggregator", tmp_path_factory.mktemp("db")) as url:
        upgrade(SERVICE_ROOT, url)
        yield url


@pytest.fixture
def app(database_url: str) -> Iterator[FastAPI]:
    from aggregator_factories import make_settings

    application = create_app(make_settings(database_url))
    yield application
    empty_tables(application.state.engine, Base.metadata)
    application.state.engine.dispose()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture
def feed() -> Feed:
    from aggregator_factories import Feed

    return Feed()
