"""Schemathesis fuzzes the aggregator's own OpenAPI in-process (bounded examples)."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from aggregator_factories import Feed, apply
from fastapi import FastAPI
from hypothesis import HealthCheck, settings

# FastAPI writes OpenAPI 3.1; schemathesis 3 supports it behind this switch.
schemathesis.experimental.OPEN_API_3_1.enable()


@pytest.fixture
def api_schema(app: FastAPI, feed: Feed) -> Any:
    apply(
        app,
        feed.theme("t1", "cloud", "Cloud", description="<b>d</b>"),
        feed.public("p1", "Ada <script>"),
        feed.public("p2", "Bob", themes=[]),
    )
    return schemathesis.from_asgi("/openapi.json", app)


schema = schemathesis.from_pytest_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_honours_its_contract(case: Any) -> None:
    case.call_and_validate()
