"""The micro-cache of public answers: who is served a copy, which answers are kept, for how long."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from .helpers import bearer, login

CACHED = "/api/aggregator/cached"


@pytest.fixture
def anonymous(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


def served(fakes: dict[str, FastAPI]) -> int:
    return int(fakes["aggregator"].state.cached_served)


def test_a_public_answer_is_served_again_from_memory(
    anonymous: TestClient, fakes: dict[str, FastAPI]
) -> None:
    first = anonymous.get(CACHED)
    second = anonymous.get(CACHED)
    assert first.status_code == second.status_code == 200
    assert second.json() == first.json()  # the same bytes: the service answered once
    assert served(fakes) == 1
    for header in ("etag", "cache-control", "vary", "content-type"):
        assert second.headers[header] == first.headers[header]
    assert int(second.headers["age"]) >= 0
    # the copy gets this request's own id and the gateway's security headers, as a proxied one
    assert second.headers["x-request-id"] != first.headers["x-request-id"]
    assert second.headers["x-frame-options"] == "DENY"
    assert "content-security-policy" in second.headers


def test_public_pages_outside_the_api_are_kept_too(
    anonymous: TestClient, fakes: dict[str, FastAPI]
) -> None:
    assert anonymous.get("/feeds/cached").json() == anonymous.get("/feeds/cached").json()
    assert served(fakes) == 1


def test_reads_from_memory_are_not_rate_limited_but_what_reaches_a_service_is(
    make_client: Callable[..., TestClient], fakes: dict[str, FastAPI]
) -> None:
    """A CDN or an office behind one address reads the public JSON without 429s; distinct
    URLs, each a trip to the service, still spend the address's budget."""
    client = make_client(api_rate_per_second=0.001, api_burst=3)
    assert all(client.get(CACHED).status_code == 200 for _ in range(50))
    assert served(fakes) == 1
    statuses = [client.get(f"{CACHED}?n={n}").status_code for n in range(4)]
    assert statuses == [200, 200, 429, 429]
    assert served(fakes) == 3


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        (CACHED + "?theme=cloud", {}),
        ("/feeds/cached", {}),
        (CACHED, {"Accept": "text/html"}),
        (CACHED, {"Accept-Language": "fr"}),
        (CACHED, {"Accept-Encoding": "identity"}),
        (CACHED, {"Host": "elsewhere.example"}),
    ],
)
def test_a_copy_is_never_served_to_another_url_type_language_or_encoding(
    anonymous: TestClient, fakes: dict[str, FastAPI], path: str, headers: dict[str, str]
) -> None:
    anonymous.get(CACHED, headers={"Accept": "application/json", "Accept-Language": "en"})
    other = anonymous.get(
        path, headers={"Accept": "application/json", "Accept-Language": "en", **headers}
    )
    assert served(fakes) == 2
    assert other.json()["served"] == 2


def test_signed_in_requests_are_never_answered_from_nor_stored_into_the_cache(
    anonymous: TestClient, make_client: Callable[..., TestClient], fakes: dict[str, FastAPI]
) -> None:
    auth = bearer(make_client())
    signed_in = [anonymous.get(CACHED, headers=auth).json() for _ in range(2)]
    assert [s["served"] for s in signed_in] == [1, 2]
    assert signed_in[1]["identity"]["user_id"] == "u-ada"
    public = anonymous.get(CACHED).json()
    assert public["served"] == 3 and public["identity"] is None
    session = make_client()
    login(session)
    assert session.get(CACHED).json()["served"] == 4  # a session cookie: never the copy
    assert session.get(CACHED).json()["identity"]["user_id"] == "u-ada"


def test_any_cookie_bypasses_the_cache(anonymous: TestClient, fakes: dict[str, FastAPI]) -> None:
    anonymous.get(CACHED)
    resp = anonymous.get(CACHED, headers={"Cookie": "theme=dark"})
    assert resp.json()["served"] == 2


@pytest.mark.parametrize(
    "query",
    [
        "cc=private,%20max-age=60",
        "cc=public,%20s-maxage=10,%20no-store",
        "cc=public,%20no-cache,%20s-maxage=10",
        "cc=public,%20s-maxage=0",
        "cc=max-age=60",  # no public, no s-maxage: for the browser only
        "cc=",
        "cookie=true",  # Set-Cookie
        "vary=Cookie",
        "vary=*",
        "vary=Origin",
        "status=404",
    ],
)
def test_answers_a_shared_cache_must_not_keep_are_never_kept(
    anonymous: TestClient, fakes: dict[str, FastAPI], query: str
) -> None:
    client = anonymous
    for _ in range(2):
        client.cookies.clear()  # the Set-Cookie case would otherwise send it back
        client.get(f"{CACHED}?{query}")
    assert served(fakes) == 2


def test_a_copy_lasts_no_longer_than_the_gateway_allows(
    make_client: Callable[..., TestClient], fakes: dict[str, FastAPI]
) -> None:
    """s-maxage=10 from the service, at most 0.3 s here: a withdrawn consent or a moderation
    reaches every reader when the copy expires."""
    client = make_client(public_cache_seconds=0.3)
    client.get(CACHED)
    assert client.get(CACHED).json()["served"] == 1
    time.sleep(0.4)
    assert client.get(CACHED).json()["served"] == 2


def test_if_none_match_gets_304_from_the_copy(
    anonymous: TestClient, fakes: dict[str, FastAPI]
) -> None:
    etag = anonymous.get(CACHED).headers["etag"]
    resp = anonymous.get(CACHED, headers={"If-None-Match": etag})
    assert resp.status_code == 304 and resp.content == b""
    assert resp.headers["etag"] == etag and "content-length" not in resp.headers
    assert anonymous.get(CACHED, headers={"If-None-Match": '"other"'}).status_code == 200
    assert served(fakes) == 1


def test_a_revalidation_of_an_expired_copy_refills_it_and_gets_304_from_it(
    make_client: Callable[..., TestClient], fakes: dict[str, FastAPI]
) -> None:
    """A CDN revalidating every s-maxage reaches the service once per lifetime, not each time."""
    client = make_client(public_cache_seconds=0.3)
    url = CACHED + "?etag=same"
    etag = client.get(url).headers["etag"]
    time.sleep(0.4)
    resp = client.get(url, headers={"If-None-Match": etag})
    assert resp.status_code == 304 and resp.headers["etag"] == etag
    assert served(fakes) == 2  # refilled, without the condition: the whole answer is kept
    full = client.get(url)
    assert full.status_code == 200 and full.json()["if_none_match"] is None
    assert served(fakes) == 2


def test_a_revalidation_of_an_unknown_url_keeps_its_condition(anonymous: TestClient) -> None:
    """Answers the cache never kept (a calendar feed's, say) keep their own 304s."""
    echo = anonymous.get("/api/editorial/ical/x.ics", headers={"If-None-Match": '"x"'}).json()
    assert echo["headers"]["if-none-match"] == '"x"'


def test_head_gets_the_copys_headers_without_the_body(
    anonymous: TestClient, fakes: dict[str, FastAPI]
) -> None:
    full = anonymous.get(CACHED)
    head = anonymous.head(CACHED)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == full.headers["content-length"]
    assert served(fakes) == 1


def test_off_when_its_size_is_zero(
    make_client: Callable[..., TestClient], fakes: dict[str, FastAPI]
) -> None:
    client = make_client(public_cache_mb=0)
    client.get(CACHED)
    client.get(CACHED)
    assert served(fakes) == 2
