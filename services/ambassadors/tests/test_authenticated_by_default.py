"""No route of this service can forget authentication: each checks its caller or is public;
and what a suspended person keeps is declared on the route, never guessed from its path."""

from __future__ import annotations

from ambassadors_factories import person
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.problems import OwnData, api_router
from relais_common.routing import undeclared_routes


def test_every_route_checks_its_caller_or_is_declared_public(app: FastAPI) -> None:
    assert undeclared_routes(app) == []


def test_a_suspended_person_keeps_only_the_routes_declared_their_own(app: FastAPI) -> None:
    extra = api_router("tests")

    @extra.get("/me/not-declared")
    async def not_declared() -> dict[str, str]:
        return {"ok": "yes"}

    @extra.get("/declared-elsewhere", dependencies=[OwnData])
    async def declared() -> dict[str, str]:
        return {"ok": "yes"}

    app.include_router(extra)
    admin, who = person(app, admin=True), person(app)
    with TestClient(app) as client:
        resp = client.post(
            f"/admin/ambassadors/{who.id}/suspend", json={"reason": "Tests"}, headers=admin.headers
        )
        assert resp.status_code == 200, resp.text
        assert client.get("/me/not-declared", headers=who.headers).status_code == 403
        assert client.get("/declared-elsewhere", headers=who.headers).status_code == 200
        assert client.get("/me", headers=who.headers).status_code == 200
        assert client.get("/directory", headers=who.headers).status_code == 403
        assert client.get("/me/not-declared", headers=admin.headers).status_code == 200
