"""VerifiedUser: anything about other people needs a confirmed e-mail address (any service)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.auth import VerifiedUser
from relais_common.errors import install_error_handlers
from relais_common.testing import TEST_SECRET, identity_headers


@pytest.fixture(scope="module")
def client() -> TestClient:
    app = FastAPI()
    app.state.settings = SimpleNamespace(internal_secret=TEST_SECRET)
    install_error_handlers(app)

    @app.get("/people")
    async def people(user: VerifiedUser) -> dict[str, str]:
        return {"seen_by": user.user_id}

    return TestClient(app)


@pytest.mark.parametrize(
    ("roles", "status"),
    [
        ({"ambassador"}, 200),
        ({"admin", "ambassador"}, 200),
        ({"admin"}, 200),
        ({"unverified"}, 403),
        ({"admin", "unverified"}, 403),
        (set(), 403),  # a token without any person role is not a verified person either
    ],
)
def test_only_verified_people(client: TestClient, roles: set[str], status: int) -> None:
    resp = client.get("/people", headers=identity_headers("a1", roles))
    assert resp.status_code == status, resp.text
    if status == 403:
        assert resp.json()["type"] == "https://relais.dev/problems/email-unverified"


def test_anonymous_and_services_are_not_people(client: TestClient) -> None:
    assert client.get("/people").status_code == 401
    service = identity_headers("service:x", {"service"})
    assert client.get("/people", headers=service).status_code == 401
