"""Gateway fixtures: three real fake services on 127.0.0.1 and the gateway app in front."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.testing import TEST_SECRET
from relais_gateway.config import GatewaySettings
from relais_gateway.main import create_app

from .upstream import fake_service, free_port, serve

SESSION_SECRET = "test-session-secret-0123456789abcdef"
CLOSED = "http://127.0.0.1:{port}"


@pytest.fixture(scope="session")
def fakes() -> Iterator[dict[str, FastAPI]]:
    yield {name: fake_service(name) for name in ("ambassadors", "editorial", "aggregator")}


@pytest.fixture(scope="session")
def upstream_urls(fakes: dict[str, FastAPI]) -> Iterator[dict[str, str]]:
    with (
        serve(fakes["ambassadors"]) as amb,
        serve(fakes["editorial"]) as edi,
        serve(fakes["aggregator"]) as agg,
    ):
        yield {"ambassadors": amb, "editorial": edi, "aggregator": agg}


@pytest.fixture(autouse=True)
def _clear_hits(fakes: dict[str, FastAPI]) -> None:
    for app in fakes.values():
        app.state.hits.clear()
        app.state.cached_served = 0
        app.state.erased.clear()
        app.state.suspended.clear()
        app.state.revoked_ms.clear()
        app.state.roles.clear()
        app.state.identity_status = 200
        app.state.identity_delay = 0.0
        app.state.livez_failures = 0


def closed_url() -> str:
    return CLOSED.format(port=free_port())  # nothing listens there once the probe closed


@pytest.fixture
def spa_dir(tmp_path: Path) -> Path:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><div id=root>SPA</div>")
    (dist / "assets" / "index-3f2a1b.js").write_text("console.log('spa')")
    (dist / "favicon.svg").write_text("<svg/>")
    return dist


@pytest.fixture
def make_settings(upstream_urls: dict[str, str], spa_dir: Path) -> Callable[..., GatewaySettings]:
    def build(**overrides: Any) -> GatewaySettings:
        values: dict[str, Any] = {
            "env": "test",
            "internal_secret": TEST_SECRET,
            "session_secret": SESSION_SECRET,
            "ambassadors_url": upstream_urls["ambassadors"],
            "editorial_url": upstream_urls["editorial"],
            "aggregator_url": upstream_urls["aggregator"],
            "spa_dir": spa_dir,
            "log_json": True,
            "identity_cache_seconds": 0.0,  # each test sees the standing it sets at once
            "identity_timeout": 10.0,  # a busy machine must not turn a refusal into "cannot say"
        }
        values.update(overrides)
        return GatewaySettings(**values)

    return build


@pytest.fixture
def make_client(
    make_settings: Callable[..., GatewaySettings],
) -> Iterator[Callable[..., TestClient]]:
    clients: list[TestClient] = []

    def build(base_url: str = "https://testserver", **overrides: Any) -> TestClient:
        client = TestClient(create_app(make_settings(**overrides)), base_url=base_url)
        client.__enter__()
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()
