"""Pre-rendered bytes: strong ETags, 304, gzip, cache headers, re-render only on change."""

from __future__ import annotations

import gzip
import hashlib

from aggregator_factories import Feed, apply, make_settings
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_aggregator.main import create_app
from relais_aggregator.models import Base
from relais_common.testing import empty_tables

PATHS = ("/", "/?lang=fr", "/themes/cloud", "/public", "/public/themes/cloud")


def test_cache_headers_and_strong_etag_from_the_bytes(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    apply(app, feed.public("p1", "Ada"))
    for path in PATHS:
        resp = client.get(path, headers={"Accept-Encoding": "identity"})
        assert resp.status_code == 200, path
        # the contract header; a stale-while-revalidate would stretch a withdrawal past a minute
        assert resp.headers["cache-control"] == "public, max-age=25, s-maxage=10"
        etag = resp.headers["etag"]
        assert not etag.startswith("W/")
        assert etag == '"' + hashlib.sha256(resp.content).hexdigest()[:32] + '"'
        assert "Accept-Encoding" in resp.headers["vary"]


def test_matching_if_none_match_gives_304(app: FastAPI, client: TestClient, feed: Feed) -> None:
    apply(app, feed.public("p1", "Ada"))
    for path in PATHS:
        etag = client.get(path).headers["etag"]
        again = client.get(path, headers={"If-None-Match": f'"other", {etag}'})
        assert again.status_code == 304, path
        assert again.content == b""
        assert again.headers["etag"] == etag
        assert client.get(path, headers={"If-None-Match": '"stale"'}).status_code == 200


def test_etag_changes_when_the_read_model_changes(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    apply(app, feed.public("p1", "Ada"))
    before = client.get("/").headers["etag"]
    apply(app, feed.public("p2", "Bob"))
    after = client.get("/", headers={"If-None-Match": before})
    assert after.status_code == 200 and "Bob" in after.text
    assert after.headers["etag"] != before


def test_languages_have_their_own_etag(app: FastAPI, client: TestClient) -> None:
    assert client.get("/?lang=fr").headers["etag"] != client.get("/?lang=en").headers["etag"]
    assert "Accept-Language" in client.get("/").headers["vary"]


def test_gzip_variant_when_accepted(app: FastAPI, client: TestClient, feed: Feed) -> None:
    apply(app, feed.public("p1", "Ada"))
    plain = client.get("/", headers={"Accept-Encoding": "identity"})
    packed = client.get("/", headers={"Accept-Encoding": "gzip, br"})
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip"
    assert packed.text == plain.text  # httpx decoded it
    assert packed.headers["etag"] != plain.headers["etag"]
    refused = client.get("/", headers={"Accept-Encoding": "gzip;q=0"})
    assert "content-encoding" not in refused.headers
    with client.stream("GET", "/", headers={"Accept-Encoding": "gzip"}) as raw_resp:
        raw = b"".join(raw_resp.iter_raw())
    assert raw[:2] == b"\x1f\x8b" and gzip.decompress(raw) == plain.content


def test_requests_are_served_without_rendering(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    apply(app, feed.public("p1", "Ada"))
    renders = app.state.pages.render_count
    for path in PATHS * 3:
        client.get(path)
    assert app.state.pages.render_count == renders


def test_rerender_only_when_the_read_model_changed(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    assert apply(app, feed.theme("t1", "cloud", "Cloud")) is True
    etag = client.get("/public").headers["etag"]
    renders = app.state.pages.render_count
    assert apply(app, feed.theme("t1", "cloud", "Cloud")) is False  # same content, cursor moved
    assert app.state.pages.render_count == renders
    assert client.get("/public").headers["etag"] == etag
    assert apply(app, feed.theme("t1", "cloud", "Cloud", description="new")) is True
    assert app.state.pages.render_count == renders + 1


def test_another_replica_sees_changes_applied_elsewhere(database_url: str, feed: Feed) -> None:
    # Two replicas share the database through committed data: no rolled-back `app` here.
    first, other = create_app(make_settings(database_url)), create_app(make_settings(database_url))
    try:
        with TestClient(other) as other_client:
            assert "Bob" not in other_client.get("/").text
            apply(first, feed.public("p2", "Bob"))  # consumed by the first replica
            assert other.state.pages.refresh() is True  # the other replica's tick
            assert "Bob" in other_client.get("/").text
    finally:
        empty_tables(first.state.engine, Base.metadata)
        for replica in (first, other):
            replica.state.engine.dispose()
