"""The raw ASGI fast path answers exactly what the routes would, before FastAPI."""

from __future__ import annotations

from aggregator_factories import Feed, apply
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_aggregator.pages.fastpath import canonical


def test_canonical_query_ignores_order_and_lang() -> None:
    assert canonical("theme=a&platform=b&lang=fr") == ("platform=b&theme=a", "fr")
    assert canonical("page=2") == ("page=2", None)
    assert canonical("page=2&page=3") is None


def test_fast_path_and_routes_serve_the_same_bytes(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    apply(app, feed.public("p1", "Ada"))
    fast = client.get("/people/?lang=fr", headers={"X-Request-ID": "abc"})
    routed = client.get("/people/?lang=fr&utm_source=newsletter")  # unknown: the route answers
    assert fast.content == routed.content and fast.headers["etag"] == routed.headers["etag"]
    assert fast.headers["x-request-id"] == "abc"
    for name in ("cache-control", "vary", "content-language", "content-type"):
        assert fast.headers[name] == routed.headers[name], name


def test_head_and_conditional_get(app: FastAPI, client: TestClient, feed: Feed) -> None:
    apply(app, feed.public("p1", "Ada"))
    client.get("/")  # first render
    head = client.head("/feeds/planet.atom", headers={"Accept-Encoding": "identity"})
    assert head.status_code == 200 and head.content == b""
    full = client.get("/feeds/planet.atom", headers={"Accept-Encoding": "identity"})
    assert head.headers["content-length"] == str(len(full.content))
    etag = full.headers["etag"]
    again = client.get(
        "/feeds/planet.atom", headers={"If-None-Match": etag, "Accept-Encoding": "identity"}
    )
    assert again.status_code == 304 and again.headers["etag"] == full.headers["etag"]


def test_writes_and_unknown_paths_go_to_the_app(client: TestClient) -> None:
    client.get("/")
    assert client.post("/").status_code == 405
    assert client.get("/nowhere").status_code == 404
    assert client.get("/?lang=de").status_code == 422
