"""Every request body of every service refuses unknown fields: a new endpoint cannot forget."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel
from relais_aggregator.openapi import build as build_aggregator
from relais_ambassadors.openapi import build as build_ambassadors
from relais_common.schemas import RequestModel, body_models
from relais_common.testing import TEST_SECRET
from relais_editorial.openapi import build as build_editorial
from relais_gateway.config import GatewaySettings
from relais_gateway.main import create_app as create_gateway


def build_gateway() -> FastAPI:
    settings = GatewaySettings(
        env="test",
        internal_secret=TEST_SECRET,
        session_secret=TEST_SECRET,
        spa_dir=Path("/nonexistent"),
        log_json=False,
    )  # type: ignore[call-arg]
    return create_gateway(settings)


BUILDERS = {
    "ambassadors": build_ambassadors,
    "editorial": build_editorial,
    "aggregator": build_aggregator,
    "gateway": build_gateway,
}


@pytest.mark.parametrize("service", list(BUILDERS))
def test_every_body_model_forbids_extra_fields(service: str) -> None:
    found = body_models(BUILDERS[service]())
    lenient = [
        f"{route}: {model.__module__}.{model.__qualname__}"
        for route, models in found.items()
        for model in models
        if model.model_config.get("extra") != "forbid"
    ]
    assert lenient == [], f"derive these from relais_common.schemas.RequestModel: {lenient}"


def test_the_walk_sees_the_bodies() -> None:
    found = body_models(build_ambassadors())
    assert len(found) >= 20
    assert "PATCH /me" in found


class Inner(BaseModel):
    x: int


class Outer(RequestModel):
    items: list[Inner]


def test_the_walk_reaches_nested_models() -> None:
    app = FastAPI()

    @app.post("/outer")
    def outer(body: Outer) -> None:
        return None

    assert body_models(app)["POST /outer"] == [Outer, Inner]


def test_an_unknown_field_is_named_in_the_422() -> None:
    with TestClient(build_ambassadors()) as client:
        resp = client.post("/password-resets", json={"email": "a@example.com", "emial": "x"})
    assert resp.status_code == 422
    assert resp.json()["errors"] == [
        {"field": "emial", "message": "This field is unknown or cannot be changed here; remove it."}
    ]
