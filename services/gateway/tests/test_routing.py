"""Routing by prefix, what crosses the gateway, and what never does."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from .helpers import bearer, login


def test_api_prefix_is_stripped_and_query_kept(client: TestClient) -> None:
    resp = client.get("/api/editorial/calendars/2026/entries?view=week&d=2026-11-23")
    assert resp.status_code == 200
    echo = resp.json()
    assert (echo["service"], echo["method"]) == ("editorial", "GET")
    assert echo["path"] == "/calendars/2026/entries"
    assert echo["query"] == "view=week&d=2026-11-23"


@pytest.mark.parametrize("service", ["ambassadors", "editorial", "aggregator"])
def test_each_service_gets_its_prefix(client: TestClient, service: str) -> None:
    resp = client.post(f"/api/{service}/things", json={"a": 1})
    assert resp.json()["service"] == service
    assert resp.json()["body"] == '{"a":1}'
    assert resp.json()["headers"]["content-type"] == "application/json"


@pytest.mark.parametrize(
    "path", ["/", "/themes/climate", "/networks/women-in-tech", "/feeds/planet.atom", "/widget/x"]
)
def test_public_pages_go_to_the_aggregator_same_path(client: TestClient, path: str) -> None:
    resp = client.get(path)
    assert resp.status_code == 200
    assert (resp.json()["service"], resp.json()["path"]) == ("aggregator", path)


def test_encoded_path_reaches_the_service_unchanged(client: TestClient) -> None:
    echo = client.get("/api/ambassadors/people/a%20b%2Fc").json()
    assert echo["raw_path"] == "/people/a%20b%2Fc"


@pytest.mark.parametrize(
    "path",
    [
        "/internal/events",
        "/api/ambassadors/internal/auth/check",
        "/api/ambassadors/internal/events?after=0",
        "/api/editorial//internal/events",
        "/api/editorial/%69nternal/events",
        "/api/editorial/./internal/events",
        "/api/editorial/INTERNAL/events",
        "/api/editorial/me/../internal/events",
        "/feeds/../internal/events",
        "/api/unknown/things",
    ],
)
def test_internal_paths_are_never_routed(
    client: TestClient, fakes: dict[str, FastAPI], path: str
) -> None:
    resp = client.post(path, json={"email": "ada@example.com", "password": "x"})
    assert resp.status_code in (404, 405)
    assert resp.headers["content-type"] == "application/problem+json"
    assert all(not app.state.hits for app in fakes.values())


@pytest.mark.parametrize("service", ["ambassadors", "editorial", "aggregator"])
@pytest.mark.parametrize(
    "rest", ["docs", "redoc", "openapi.json", "docs/oauth2-redirect", "DOCS", "./openapi.json"]
)
def test_service_docs_and_contracts_stay_inside(
    client: TestClient, service: str, rest: str
) -> None:
    resp = client.get(f"/api/{service}/{rest}")
    assert resp.status_code == 404
    assert resp.headers["content-type"] == "application/problem+json"
    assert "internal" not in resp.text and "swagger" not in resp.text.lower()


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/api/ambassadors/moved", "/api/ambassadors/me"),
        ("/api/editorial/moved?to=bare", "/api/editorial/me?x=1"),
        ("/api/editorial/moved?to=away", "https://example.org/x"),
    ],
)
def test_redirects_never_name_an_internal_origin(
    client: TestClient, upstream_urls: dict[str, str], path: str, location: str
) -> None:
    resp = client.get(path, follow_redirects=False)
    assert resp.status_code == 307
    assert resp.headers["location"] == location
    assert all(
        url.split("://")[1] not in resp.headers["location"] for url in upstream_urls.values()
    )


def test_forged_identity_is_stripped_for_anonymous_callers(client: TestClient) -> None:
    forged = {"X-Relais-Identity": "forged.token.value", "X-CSRF-Token": "t"}
    echo = client.get("/api/editorial/whoami", headers=forged).json()
    assert echo["identity"] is None
    assert "x-relais-identity" not in echo["headers"]


def test_forged_identity_is_replaced_for_signed_in_callers(client: TestClient) -> None:
    headers = {**bearer(client, "bob@example.com"), "X-Relais-Identity": "forged"}
    echo = client.get("/api/editorial/me/export", headers=headers).json()
    assert echo["identity"] == {"user_id": "u-bob", "roles": ["ambassador"], "ttl": 60}
    assert "authorization" not in echo["headers"]


def test_gateway_cookies_stay_at_the_gateway(client: TestClient) -> None:
    login(client)
    client.cookies.set("theme", "dark")
    echo = client.get("/api/editorial/whoami").json()
    assert echo["headers"]["cookie"] == "theme=dark"
    assert echo["identity"]["user_id"] == "u-ada"


def test_request_id_and_forwarding_headers(client: TestClient) -> None:
    resp = client.get("/api/editorial/x", headers={"X-Request-ID": "abc-123"})
    echo = resp.json()
    assert echo["headers"]["x-request-id"] == "abc-123"
    assert resp.headers["x-request-id"] == "abc-123"
    assert echo["headers"]["x-forwarded-for"] == "testclient"
    assert echo["headers"]["x-forwarded-proto"] == "https"
    assert echo["headers"]["x-forwarded-host"] == "testserver"


def test_status_and_headers_come_back(client: TestClient) -> None:
    resp = client.delete("/api/aggregator/things/1?status=418")
    assert resp.status_code == 418
    assert resp.headers["x-upstream"] == "aggregator"
    assert [c for c in resp.headers.get_list("set-cookie") if c.startswith("upstream_")] == [
        "upstream_a=1; Path=/; SameSite=lax",
        "upstream_b=2; Path=/; SameSite=lax",
    ]


def test_a_service_cookie_is_never_sent_with_later_requests(
    make_client: Callable[..., TestClient], upstream_urls: dict[str, str]
) -> None:
    """The gateway passes Set-Cookie to the caller and keeps none (a host name, not an IP:
    aiohttp's default jar would keep the cookie for the next callers)."""
    by_name = upstream_urls["aggregator"].replace("127.0.0.1", "localhost")
    client = make_client(aggregator_url=by_name)
    assert client.delete("/api/aggregator/things/1").headers.get_list("set-cookie")
    client.cookies.clear()  # the next caller has no cookie of their own
    echo = client.get("/api/aggregator/things/2").json()
    assert "cookie" not in echo["headers"]


def test_body_over_the_limit_is_refused(make_client: Callable[..., TestClient]) -> None:
    client = make_client(max_body_bytes=1024)
    assert client.post("/api/editorial/x", content=b"a" * 1024).status_code == 200
    resp = client.post("/api/editorial/x", content=b"a" * 1025)
    assert resp.status_code == 413
    assert resp.headers["content-type"] == "application/problem+json"


def test_slow_service_gives_504(make_client: Callable[..., TestClient]) -> None:
    client = make_client(request_timeout=0.5)
    resp = client.get("/api/editorial/slow")
    assert resp.status_code == 504
    assert "editorial" in resp.json()["detail"]


def test_large_bodies_are_streamed_back(client: TestClient) -> None:
    resp = client.get("/api/editorial/stream")
    assert resp.status_code == 200
    assert resp.content == b"x" * 3_000_000


def test_head_keeps_the_upstream_length(client: TestClient) -> None:
    resp = client.head("/api/editorial/anything")
    assert resp.status_code == 200
    assert int(resp.headers["content-length"]) > 100
    assert resp.content == b""
