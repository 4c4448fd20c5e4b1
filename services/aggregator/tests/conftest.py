"""Aggregator tests: the fixtures come from relais_common's pytest plugin; this says what to
test, and adds the event feed factory."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fastapi import FastAPI
from relais_aggregator.main import create_app
from relais_aggregator.models import Base
from relais_common.pytest_plugin import ServiceUnderTest

if TYPE_CHECKING:
    from aggregator_factories import Feed

SERVICE_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests import aggregator_factories


def make_app(database_url: str) -> FastAPI:
    from aggregator_factories import make_settings

    return create_app(make_settings(database_url))


@pytest.fixture(scope="session")
def relais_service() -> ServiceUnderTest:
    return ServiceUnderTest("aggregator", SERVICE_ROOT, Base.metadata, make_app)


@pytest.fixture
def feed() -> Feed:
    from aggregator_factories import Feed

    return Feed()
