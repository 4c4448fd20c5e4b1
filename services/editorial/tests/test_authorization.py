"""Who may call what: one row per route; a new route without a row fails this test."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.contracts import app_routes
from relais_common.routing import undeclared_routes
from relais_common.testing import identity_headers

PUBLIC = {"anonymous": 200, "service": 200, "ambassador": 200, "admin": 200}
SIGNED_IN = {"anonymous": 401, "service": 401, "ambassador": 200, "admin": 200}

# (method, path) -> (concrete path to call, expected status per caller).
TABLE: dict[tuple[str, str], tuple[str, dict[str, int]]] = {
    ("GET", "/me/export"): ("/me/export", SIGNED_IN),
    ("GET", "/livez"): ("/livez", PUBLIC),
    ("GET", "/readyz"): ("/readyz", PUBLIC),
    ("GET", "/openapi.json"): ("/openapi.json", PUBLIC),
    ("HEAD", "/openapi.json"): ("/openapi.json", PUBLIC),
    ("GET", "/docs"): ("/docs", PUBLIC),
    ("HEAD", "/docs"): ("/docs", PUBLIC),
    ("GET", "/docs/oauth2-redirect"): ("/docs/oauth2-redirect", PUBLIC),
    ("HEAD", "/docs/oauth2-redirect"): ("/docs/oauth2-redirect", PUBLIC),
    ("GET", "/redoc"): ("/redoc", PUBLIC),
    ("HEAD", "/redoc"): ("/redoc", PUBLIC),
}
# Tokens live 60 s: make them when the request is sent, not at import.
CALLERS: dict[str, Callable[[], dict[str, str]]] = {
    "anonymous": dict,
    "service": lambda: identity_headers("service:aggregator", {"service"}),
    "ambassador": lambda: identity_headers("u-1", {"ambassador"}),
    "admin": lambda: identity_headers("u-2", {"ambassador", "admin"}),
}


def test_every_route_has_an_entry(app: FastAPI) -> None:
    missing = app_routes(app) - set(TABLE)
    assert not missing, f"add these routes to the authorization table: {sorted(missing)}"
    stale = set(TABLE) - app_routes(app)
    assert not stale, f"these rows name routes that no longer exist: {sorted(stale)}"


def test_every_route_checks_its_caller_or_is_declared_public(app: FastAPI) -> None:
    assert undeclared_routes(app) == []


@pytest.mark.parametrize("route", sorted(TABLE), ids=lambda r: f"{r[0]} {r[1]}")
@pytest.mark.parametrize("caller", sorted(CALLERS))
def test_route_answers_each_caller_as_the_table_says(
    client: TestClient, route: tuple[str, str], caller: str
) -> None:
    path, expected = TABLE[route]
    resp = client.request(route[0], path, headers=CALLERS[caller]())
    assert resp.status_code == expected[caller]
