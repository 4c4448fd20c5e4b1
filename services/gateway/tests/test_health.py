"""/livez, /readyz, and a service that is down answering 503 quickly through a real server."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from fastapi.testclient import TestClient
from relais_gateway.config import GatewaySettings
from relais_gateway.main import create_app

from .conftest import closed_url
from .upstream import serve


def test_livez(client: TestClient) -> None:
    assert client.get("/livez").json() == {"status": "ok"}


def test_readyz_when_every_service_is_ready(client: TestClient) -> None:
    resp = client.get("/readyz")
    assert resp.status_code == 200
    assert set(resp.json()["services"].values()) == {"up"}


def test_readyz_names_the_services_down(make_client: Callable[..., TestClient]) -> None:
    client = make_client(editorial_url=closed_url())
    resp = client.get("/readyz")
    assert resp.status_code == 503
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["down"] == ["editorial"]


def test_service_down_is_503_problem_without_hanging(
    make_settings: Callable[..., GatewaySettings],
) -> None:
    gateway = create_app(make_settings(aggregator_url=closed_url()))
    with serve(gateway) as base:
        for path in ("/api/aggregator/public", "/themes/climate"):
            resp = httpx.get(base + path, timeout=5.0)
            assert resp.status_code == 503
            assert resp.headers["content-type"] == "application/problem+json"
            assert resp.json()["service"] == "aggregator"
            assert "aggregator" in resp.json()["detail"]
        assert httpx.get(base + "/api/editorial/x", timeout=5.0).json()["service"] == "editorial"
