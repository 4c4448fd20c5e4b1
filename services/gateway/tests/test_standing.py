"""Erasure, suspension and sign-out everywhere are enforced at the gateway, for every service.

The fake ambassadors answers GET /internal/identities/{user_id} from its state (erased: 404,
suspended: active false, revoked_ms: sessions_revoked_at_ms, roles); every upstream is a real
uvicorn server recording its hits, so "refused" means "never reached the service".
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.testing import TEST_SECRET
from relais_editorial.config import Settings as EditorialSettings
from relais_editorial.main import create_app as create_editorial
from relais_gateway.config import GatewaySettings
from relais_gateway.main import create_app
from relais_gateway.standing import Standing, Standings

from .helpers import PASSWORDS, bearer, login
from .upstream import migrated_sqlite, serve

SERVICES = ["ambassadors", "editorial", "aggregator"]


def void(fakes: dict[str, FastAPI], how: str, user_id: str = "u-ada") -> None:
    state = fakes["ambassadors"].state
    if how == "erased":
        state.erased.add(user_id)
    elif how == "suspended":
        state.suspended.add(user_id)
    else:  # signed out everywhere (or the password changed) after this session began
        state.revoked_ms[user_id] = time.time_ns() // 1_000_000 + 1


@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize("how", ["erased", "suspended", "signed_out_everywhere"])
def test_a_voided_session_cookie_is_refused_before_any_service(
    client: TestClient, fakes: dict[str, FastAPI], service: str, how: str
) -> None:
    csrf = login(client)
    assert client.get(f"/api/{service}/whoami").json()["identity"]["user_id"] == "u-ada"
    void(fakes, how)
    fakes[service].state.hits.clear()
    for method in ("GET", "POST"):
        resp = client.request(method, f"/api/{service}/whoami", headers={"X-CSRF-Token": csrf})
        assert resp.status_code == 401, (method, resp.text)
        assert resp.headers["content-type"] == "application/problem+json"
    assert "/whoami" not in fakes[service].state.hits
    assert client.get("/api/auth/session").status_code == 401


@pytest.mark.parametrize("how", ["erased", "suspended", "signed_out_everywhere"])
def test_a_voided_bearer_token_is_refused(
    client: TestClient, fakes: dict[str, FastAPI], how: str
) -> None:
    headers = bearer(client)
    void(fakes, how)
    assert client.get("/api/editorial/whoami", headers=headers).status_code == 401


def test_signing_in_again_after_sign_out_everywhere_works(
    client: TestClient, fakes: dict[str, FastAPI]
) -> None:
    login(client)
    void(fakes, "signed_out_everywhere")
    assert client.get("/api/editorial/whoami").status_code == 401
    time.sleep(0.002)  # the new session begins after the revocation instant
    login(client)
    assert client.get("/api/editorial/whoami").json()["identity"]["user_id"] == "u-ada"


def test_the_roles_forwarded_are_the_current_ones(
    client: TestClient, fakes: dict[str, FastAPI]
) -> None:
    login(client)  # signed in as admin + ambassador
    fakes["ambassadors"].state.roles["u-ada"] = ["ambassador"]  # admin revoked since
    assert client.get("/api/editorial/whoami").json()["identity"]["roles"] == ["ambassador"]
    assert client.get("/api/auth/session").json()["roles"] == ["ambassador"]


def test_public_pages_stay_public_for_a_voided_session(
    client: TestClient, fakes: dict[str, FastAPI]
) -> None:
    login(client)
    void(fakes, "erased")
    resp = client.get("/themes/climate")
    assert resp.status_code == 200 and resp.json()["identity"] is None


def test_when_ambassadors_cannot_say_reads_pass_and_writes_are_refused(
    client: TestClient, fakes: dict[str, FastAPI]
) -> None:
    csrf = login(client)
    fakes["ambassadors"].state.identity_status = 503
    read = client.get("/api/editorial/whoami")
    assert read.json()["identity"]["roles"] == ["admin", "ambassador"]  # the token's
    fakes["editorial"].state.hits.clear()
    write = client.post("/api/editorial/whoami", headers={"X-CSRF-Token": csrf})
    assert write.status_code == 503 and write.headers["retry-after"]
    assert fakes["editorial"].state.hits == []


def test_a_burst_for_one_person_makes_one_lookup(
    make_settings: Callable[..., GatewaySettings], fakes: dict[str, FastAPI]
) -> None:
    fakes["ambassadors"].state.identity_delay = 0.2  # the burst arrives while it is in flight
    gateway = create_app(make_settings(identity_cache_seconds=60.0))
    with serve(gateway) as base:
        credentials = {"email": "bob@example.com", "password": PASSWORDS["bob@example.com"]}
        session = httpx.post(base + "/api/auth/login", json=credentials).cookies["relais_session"]
        cookie = {"Cookie": f"relais_session={session}"}  # Secure cookies: sent by hand over http

        async def burst() -> list[str]:
            async with httpx.AsyncClient(base_url=base, headers=cookie, timeout=10) as http:
                answers = await asyncio.gather(
                    *(http.get("/api/editorial/whoami") for _ in range(30))
                )
                return [r.json()["identity"]["user_id"] for r in answers]

        assert asyncio.run(burst()) == ["u-bob"] * 30
    lookups = [h for h in fakes["ambassadors"].state.hits if h.startswith("/internal/identities/")]
    assert lookups == ["/internal/identities/u-bob"]


def test_the_cache_is_bounded() -> None:
    asked: list[str] = []

    async def fetch(user_id: str) -> Standing | None:
        asked.append(user_id)
        return Standing(active=True, roles=frozenset(), sessions_revoked_at_ms=None)

    async def scenario() -> None:
        standings = Standings(fetch, ttl=60.0, max_size=2)
        for user_id in ("a", "b", "a", "c", "a", "b"):
            await standings.get(user_id)

    asyncio.run(scenario())
    assert asked == ["a", "b", "c", "b"]  # "b" was the least recently used when "c" came


def test_the_real_editorial_refuses_nothing_the_gateway_lets_through(
    make_client: Callable[..., TestClient], fakes: dict[str, FastAPI], tmp_path: Path
) -> None:
    """The issue's case: editorial accepted the session of an erased person."""
    editorial = create_editorial(
        EditorialSettings(
            database_url=migrated_sqlite("editorial", tmp_path),
            internal_secret=TEST_SECRET,
            env="test",
            run_workers=False,
        )
    )
    with serve(editorial) as editorial_url:
        client = make_client(editorial_url=editorial_url)
        login(client)
        assert client.get("/api/editorial/me/export").status_code == 200
        void(fakes, "erased")
        resp = client.get("/api/editorial/me/export")
        assert resp.status_code == 401
        assert "no longer exists" in resp.json()["detail"]


def test_a_write_through_the_gateway_drops_the_cached_standing(
    make_client: Callable[..., TestClient], fakes: dict[str, FastAPI]
) -> None:
    client = make_client(identity_cache_seconds=60.0)
    ada, bob = bearer(client), bearer(client, "bob@example.com")
    assert client.get("/api/editorial/whoami", headers=bob).json()["identity"]["user_id"] == "u-bob"
    fakes["ambassadors"].state.suspended.add("u-bob")  # not seen yet: cached for a minute
    assert client.get("/api/editorial/whoami", headers=bob).status_code == 200
    # the core team suspends bob through this gateway: every cached standing is dropped
    suspended = client.post("/api/ambassadors/admin/ambassadors/u-bob/suspend", headers=ada)
    assert suspended.status_code == 200
    assert client.get("/api/editorial/whoami", headers=bob).status_code == 401

    assert client.get("/api/editorial/whoami", headers=ada).status_code == 200
    void(fakes, "signed_out_everywhere")
    assert client.post("/api/ambassadors/me/sessions/revoke", headers=ada).status_code == 200
    refused = client.get("/api/editorial/whoami", headers=ada)
    assert refused.status_code == 401 and "password was changed" in refused.json()["detail"]
