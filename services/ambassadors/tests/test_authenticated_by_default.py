"""No route of this service can forget authentication: each checks its caller or is public."""

from __future__ import annotations

from fastapi import FastAPI
from relais_common.routing import undeclared_routes


def test_every_route_checks_its_caller_or_is_declared_public(app: FastAPI) -> None:
    assert undeclared_routes(app) == []
