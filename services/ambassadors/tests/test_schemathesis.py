"""Fuzz the OpenAPI in-process: never a 5xx, and every answer conforms to the schema."""

from __future__ import annotations

import pytest
import schemathesis
from ambassadors_factories import charter, person
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from relais_common.testing import identity_headers
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.schemas import BaseOpenAPISchema


@pytest.fixture
def api_schema(app: FastAPI) -> BaseOpenAPISchema:
    return schemathesis.from_dict(app.openapi(), app=app)


@pytest.fixture
def admin_id(app: FastAPI) -> str:
    charter(app)
    return person(app, admin=True).id


# FastAPI writes OpenAPI 3.1, which schemathesis 3 supports behind this switch.
schemathesis.experimental.OPEN_API_3_1.enable()
schema = schemathesis.from_pytest_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api(case: schemathesis.Case, admin_id: str) -> None:
    if case.path.startswith("/internal/"):
        headers = identity_headers("service:fuzz", {"service"})
    else:
        headers = identity_headers(admin_id, {"admin", "ambassador"})
    response = case.call_asgi(headers=headers)
    case.validate_response(
        response,
        checks=(
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ),
    )
