"""Who may call what: one row per route; a new route without a row fails this test."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.pytest_plugin import (
    DOCS,
    PUBLIC,
    SIGNED_IN,
    AccessTable,
    assert_answer,
    assert_table_covers_every_route,
    callers,
)
from relais_common.routing import undeclared_routes

TABLE: AccessTable = {
    ("GET", "/me/export"): ("/me/export", SIGNED_IN),
    # no body: a signed-in caller passes the check and gets 422
    ("POST", "/text-length"): ("/text-length", {**SIGNED_IN, "ambassador": 422, "admin": 422}),
    ("GET", "/livez"): ("/livez", PUBLIC),
    ("GET", "/readyz"): ("/readyz", PUBLIC),
    **DOCS,
}
CALLERS = callers("aggregator")


def test_every_route_has_an_entry(app: FastAPI) -> None:
    assert_table_covers_every_route(app, TABLE)


def test_every_route_checks_its_caller_or_is_declared_public(app: FastAPI) -> None:
    assert undeclared_routes(app) == []


@pytest.mark.parametrize("route", sorted(TABLE), ids=lambda r: f"{r[0]} {r[1]}")
@pytest.mark.parametrize("caller", sorted(CALLERS))
def test_route_answers_each_caller_as_the_table_says(
    client: TestClient, route: tuple[str, str], caller: str
) -> None:
    path, expected = TABLE[route]
    resp = client.request(route[0], path, headers=CALLERS[caller]())
    assert_answer(resp, expected[caller], caller)
