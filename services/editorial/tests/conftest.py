"""Editorial tests: the fixtures come from relais_common's pytest plugin; this says what to test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi import FastAPI
from relais_common.pytest_plugin import ServiceUnderTest
from relais_common.testing import TEST_SECRET
from relais_editorial.config import Settings
from relais_editorial.main import create_app
from relais_editorial.models import Base

SERVICE_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests import editorial_factories


def make_app(database_url: str) -> FastAPI:
    settings = Settings(
        database_url=database_url,
        internal_secret=TEST_SECRET,
        env="test",
        run_workers=False,
        gc_freeze=False,  # one process builds many apps: frozen, none would ever be freed
    )
    return create_app(settings)


@pytest.fixture(scope="session")
def relais_service() -> ServiceUnderTest:
    return ServiceUnderTest("editorial", SERVICE_ROOT, Base.metadata, make_app)
