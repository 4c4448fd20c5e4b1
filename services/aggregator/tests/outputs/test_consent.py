"""Consent is live: a withdrawal leaves every output at the next render, caches included."""

from __future__ import annotations

from aggregator_factories import Feed, apply
from fastapi import FastAPI
from fastapi.testclient import TestClient
from planet_factories import planet, post

OUTPUTS = (
    "/",
    "/?lang=fr",
    "/people/",
    "/people/?theme=cloud-security",
    "/themes/cloud-security",
    "/public",
    "/public/posts",
    "/public/themes/cloud-security",
    "/feeds/planet.atom",
    "/feeds/planet.json",
    "/feeds/themes/cloud-security.atom",
    "/feeds/themes/cloud-security.json",
    "/opml/planet.opml",
    "/opml/themes/cloud-security.opml",
    "/opml/themes/cloud-security.csv",
    "/widget/cloud-security",
)


def _everywhere(client: TestClient, needle: str) -> list[str]:
    return [path for path in OUTPUTS if needle in client.get(path).text]


def _mentions_ada(text: str) -> bool:
    return any(n in text for n in ("Ada", "@ada", "ada@"))


def test_unlisting_removes_the_person_from_every_output(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    planet(app, feed)
    post(app, "p1", "Ada writes")
    etags = {path: client.get(path).headers["etag"] for path in OUTPUTS}
    assert [p for p in OUTPUTS if not _mentions_ada(client.get(p).text)] == []
    apply(app, feed.gone("unlisted", "p1"))
    assert [p for p in OUTPUTS if _mentions_ada(client.get(p).text)] == []
    for path, etag in etags.items():  # a revalidating cache gets the new bytes, not a 304
        assert client.get(path, headers={"If-None-Match": etag}).status_code == 200, path
    assert client.get("/people/ada-lovelace-p1").status_code == 404


def test_withdrawing_posts_consent_removes_posts_and_feed(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    planet(app, feed)
    post(app, "p1", "Ada writes")
    account = {
        "platform": "mastodon",
        "handle": "@ada@example.social",
        "profile_url": "https://example.social/@ada",
        "feed_url": "https://example.social/@ada.rss",
        "posts": False,  # still listed, the account still shown, its posts no longer
    }
    themes = [{"slug": "cloud-security", "name": "Cloud"}]
    apply(app, feed.public("p1", "Ada Lovelace", accounts=[account], themes=themes))
    assert _everywhere(client, "Ada writes") == []
    assert _everywhere(client, "@ada.rss") == []
    assert "Ada Lovelace" in client.get("/people/").text


def test_withdrawing_the_account_removes_its_posts(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    planet(app, feed)
    post(app, "p1", "Ada writes")
    themes = [{"slug": "cloud-security", "name": "Cloud"}]
    apply(app, feed.public("p1", "Ada Lovelace", accounts=[], themes=themes))
    assert _everywhere(client, "Ada writes") == [] and _everywhere(client, "@ada") == []


def test_cache_lifetime_stays_within_the_minute(client: TestClient) -> None:
    for path in ("/", "/feeds/planet.atom", "/widget/embed.js"):
        cache = client.get(path).headers["cache-control"]
        fields = dict(f.strip().partition("=")[::2] for f in cache.split(","))
        assert "stale-while-revalidate" not in fields and "stale-if-error" not in fields
        # poll (2 s) + shared cache (s-maxage) + browser (max-age, no Age from nginx) < 60 s
        assert 2 + int(fields["s-maxage"]) + int(fields["max-age"]) < 60
