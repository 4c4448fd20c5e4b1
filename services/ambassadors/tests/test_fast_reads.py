"""The fast reads of GET /me and GET /directory (relais_common.fastpath) answer exactly what
their FastAPI routes answer, for every caller and every query: the accepted requests by the
fast read, every refusal and validation error by the route itself."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from ambassadors_factories import (
    PASSWORD,
    charter,
    make_settings,
    person,
    service_headers,
    session_of,
)
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.main import create_app
from relais_ambassadors.models import Ambassador
from relais_ambassadors.privacy.service import erase
from relais_common.auth import issue_identity_token
from relais_common.fastpath import FastRoute
from relais_common.testing import TEST_SECRET
from sqlalchemy import update

Headers = dict[str, str]

# other apps, threads or connections read this module's writes: committed, tables emptied
pytestmark = pytest.mark.committed

QUERIES = {
    "/me": ["", "?x=1", "?limit=0"],
    "/directory": [
        "",
        "?limit=1",
        "?limit=2&x=y",
        "?limit=200",
        "?limit=0",
        "?limit=201",
        "?limit=abc",
        "?limit=1&limit=2",
        "?q=",
        "?q=ana",
        "?theme=cloud",
        "?cursor=garbage",
        "?q=%00",
        "?q=" + "a" * 201,
    ],
}


@pytest.fixture
def route_only(database_url: str, tmp_path: Path) -> Iterator[TestClient]:
    """The same service on the same database with its fast reads off: every request takes
    its FastAPI route."""
    other = create_app(make_settings(database_url, tmp_path / "route", fast_reads=False))
    assert other.state.fast_routes  # they exist, but no middleware answers them
    with TestClient(other) as client:
        yield client
    other.state.engine.dispose()


def callers(app: FastAPI) -> dict[str, Callable[[], Headers]]:
    """Who asks: made before the requests; tokens are minted at call time (they live 60 s)."""
    charter(app)
    reader = person(app, name="Ana Lima")
    person(app, name="Bob Martin")
    person(app, name="Dan Pending", accepted=False)
    unverified = person(app, name="Una Verified", verified=False)
    suspended = person(app, name="Sue Spended")
    revoked = person(app, name="Rev Oked")
    erased = person(app, name="Era Sed")
    signed_in_ms = int(time.time() * 1000) - 60_000
    with session_of(app) as session:
        now = datetime.now(UTC)
        session.execute(
            update(Ambassador).where(Ambassador.id == suspended.id).values(suspended_at=now)
        )
        later = now - timedelta(seconds=30)  # after the session below began
        session.execute(
            update(Ambassador).where(Ambassador.id == revoked.id).values(sessions_revoked_at=later)
        )
        session.commit()
        gone = session.get(Ambassador, erased.id)
        assert gone is not None
        erase(session, gone, PASSWORD)
        session.commit()

    def token(person_id: str, roles: set[str]) -> Callable[[], Headers]:
        def headers() -> Headers:
            value = issue_identity_token(TEST_SECRET, person_id, roles, signed_in_ms=signed_in_ms)
            return {"X-Relais-Identity": value}

        return headers

    return {
        "reader": token(reader.id, {"ambassador"}),
        "unverified": token(unverified.id, {"unverified"}),
        "suspended": token(suspended.id, {"ambassador"}),
        "revoked": token(revoked.id, {"ambassador"}),
        "erased": token(erased.id, {"ambassador"}),
        "service": service_headers,
        "anonymous": dict,
        "forged": lambda: {"X-Relais-Identity": "not-a-token"},
    }


def same(fast: TestClient, route: TestClient, url: str, headers: Headers) -> int:
    """Both apps' answers to the same request; asserts they are the same, returns the status."""
    a, b = fast.get(url, headers=headers), route.get(url, headers=headers)
    where = f"GET {url}: fast read {a.status_code}, route {b.status_code}"
    assert a.status_code < 500, f"{where}: {a.text[:300]}"
    assert a.status_code == b.status_code, where
    assert a.content == b.content, where
    for name in ("content-type", "content-length", "etag", "www-authenticate"):
        assert a.headers.get(name) == b.headers.get(name), f"{where}: header {name}"
    return a.status_code


class TestSameAnswers:
    def test_every_caller_and_query(
        self, client: TestClient, app: FastAPI, route_only: TestClient
    ) -> None:
        who = callers(app)
        routes: dict[str, FastRoute] = app.state.fast_routes
        answered_by_fast: list[str] = []
        seen_statuses: set[int] = set()
        for path, queries in QUERIES.items():
            for query in queries:
                for name, headers in who.items():
                    before = routes[path].answered
                    status = same(client, route_only, path + query, headers())
                    seen_statuses.add(status)
                    if routes[path].answered > before:
                        assert status == 200, f"{name} GET {path}{query}: fast read of a refusal"
                        answered_by_fast.append(f"{name} {path}{query}")
        # the refusals were really met (not a table of 200s), and the fast reads really ran
        assert {200, 401, 403, 422} <= seen_statuses
        assert "reader /me" in answered_by_fast and "reader /directory" in answered_by_fast
        assert "suspended /me" in answered_by_fast  # their own data stays theirs
        assert "reader /directory?limit=200" in answered_by_fast
        # refused, filtered or invalid requests all went to the route
        for refused in ("suspended /directory", "unverified /directory", "revoked /me"):
            assert refused not in answered_by_fast
        assert "unverified /me" in answered_by_fast and "reader /me?limit=0" in answered_by_fast
        invalid = ("q=ana", "limit=0", "limit=201", "limit=abc", "theme=", "cursor=", "%00")
        assert not [
            a for a in answered_by_fast if "/directory" in a and any(i in a for i in invalid)
        ]

    def test_a_change_shows_at_once(self, client: TestClient, app: FastAPI) -> None:
        """The fast reads read the database on every request (no cache): a rename and an
        erasure show in the next answer."""
        charter(app)
        reader = person(app, name="Ana Lima")
        other = person(app, name="Bob Martin")
        names = [
            e["display_name"]
            for e in client.get("/directory", headers=reader.headers).json()["items"]
        ]
        assert names == ["Ana Lima", "Bob Martin"]
        etag = client.get("/me", headers=other.headers).headers["etag"]
        rename = {"display_name": "Bea Martin"}
        resp = client.patch("/me", json=rename, headers={**other.headers, "If-Match": etag})
        assert resp.status_code == 200
        assert client.get("/me", headers=other.headers).json()["display_name"] == "Bea Martin"
        names = [
            e["display_name"]
            for e in client.get("/directory", headers=reader.headers).json()["items"]
        ]
        assert names == ["Ana Lima", "Bea Martin"]
        erasure = client.request(
            "DELETE", "/me", json={"password": PASSWORD}, headers=other.headers
        )
        assert erasure.status_code == 204
        assert client.get("/me", headers=other.headers).status_code == 401
        names = [
            e["display_name"]
            for e in client.get("/directory", headers=reader.headers).json()["items"]
        ]
        assert names == ["Ana Lima"]
