"""Authenticated by default: a route opens only when declared public, roles are aliases."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI
from fastapi.testclient import TestClient
from relais_common.errors import install_error_handlers
from relais_common.routing import (
    Public,
    api_router,
    include_archived_option,
    internal_router,
    public_router,
    undeclared_routes,
)
from relais_common.testing import TEST_SECRET, identity_headers

Archived = Annotated[bool, Depends(include_archived_option("Admins only."))]


def build() -> FastAPI:
    app = FastAPI()
    app.state.settings = SimpleNamespace(internal_secret=TEST_SECRET)
    install_error_handlers(app)
    private, open_, internal = api_router("t"), public_router("t"), internal_router("t")

    @private.get("/forgot-its-alias")  # no CurrentUser parameter: the router still checks
    async def forgot() -> dict[str, str]:
        return {"secret": "data"}

    @private.get("/declared", dependencies=[Public])
    async def declared() -> dict[str, str]:
        return {"open": "yes"}

    @private.get("/things")
    async def things(include_archived: Archived) -> dict[str, bool]:
        return {"archived": include_archived}

    @open_.get("/open")
    async def opened() -> dict[str, str]:
        return {"open": "yes"}

    @internal.get("/internal/x")
    async def for_services() -> dict[str, str]:
        return {"ok": "yes"}

    for router in (private, open_, internal):
        app.include_router(router)
    return app


ANONYMOUS: dict[str, str] = {}


def user() -> dict[str, str]:
    return identity_headers("u-1", {"ambassador"})


def admin() -> dict[str, str]:
    return identity_headers("u-2", {"ambassador", "admin"})


def service() -> dict[str, str]:
    return identity_headers("service:tests", {"service"})


def test_a_route_without_any_alias_still_needs_a_signed_in_person() -> None:
    with TestClient(build()) as client:
        resp = client.get("/forgot-its-alias")
        assert resp.status_code == 401
        assert resp.headers["content-type"] == "application/problem+json"
        assert client.get("/forgot-its-alias", headers=service()).status_code == 401
        assert client.get("/forgot-its-alias", headers=user()).json() == {"secret": "data"}


def test_public_routes_are_declared() -> None:
    with TestClient(build()) as client:
        assert client.get("/declared").status_code == 200
        assert client.get("/open").status_code == 200


def test_internal_routes_are_for_services_only() -> None:
    with TestClient(build()) as client:
        assert client.get("/internal/x").status_code == 401
        assert client.get("/internal/x", headers=user()).status_code == 401
        assert client.get("/internal/x", headers=admin()).status_code == 401
        assert client.get("/internal/x", headers=service()).status_code == 200


def test_admin_only_option_is_an_alias() -> None:
    with TestClient(build()) as client:
        assert client.get("/things", headers=user()).json() == {"archived": False}
        resp = client.get("/things", params={"include_archived": "true"}, headers=user())
        assert resp.status_code == 403
        assert resp.json()["detail"] == "Admins only."
        resp = client.get("/things", params={"include_archived": "true"}, headers=admin())
        assert resp.json() == {"archived": True}


def test_undeclared_routes_are_found() -> None:
    app = build()
    assert undeclared_routes(app) == []
    plain = APIRouter()

    @plain.get("/plain")
    async def forgotten() -> None:
        return None

    app.include_router(plain)
    assert undeclared_routes(app) == ["['GET'] /plain"]
