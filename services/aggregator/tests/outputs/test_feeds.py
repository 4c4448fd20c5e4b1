"""Atom 1.0 and JSON Feed 1.1 of the river and of each theme: valid, escaped, consented only."""

from __future__ import annotations

import feedparser
from aggregator_factories import Feed
from fastapi import FastAPI
from fastapi.testclient import TestClient
from lxml import etree
from planet_factories import planet, post

ATOM_NS = "{http://www.w3.org/2005/Atom}"


def test_planet_atom_is_valid_atom_1_0(app: FastAPI, client: TestClient, feed: Feed) -> None:
    planet(app, feed)
    post(app, "p1", "Keys & rotation", categories=["cloud", "security"])
    post(app, "p3", "Hiring\x0b now")  # a character XML forbids even escaped
    resp = client.get("/feeds/planet.atom")
    assert resp.headers["content-type"] == "application/atom+xml; charset=utf-8"
    root = etree.fromstring(resp.content)
    assert root.tag == f"{ATOM_NS}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM_NS}{required}") is not None
    entries = root.findall(f"{ATOM_NS}entry")
    assert len(entries) == 2
    for entry in entries:
        for required in ("id", "title", "updated", "author"):
            assert entry.find(f"{ATOM_NS}{required}") is not None
    parsed = feedparser.parse(resp.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    titles = {e.title for e in parsed.entries}
    assert titles == {"Keys & rotation", "Hiring now"}
    keys = next(e for e in parsed.entries if e.title == "Keys & rotation")
    assert keys.author == "Ada Lovelace" and {t.term for t in keys.tags} == {"cloud", "security"}


def test_json_feed_1_1(app: FastAPI, client: TestClient, feed: Feed) -> None:
    planet(app, feed)
    post(app, "p1", "Keys", summary="<p>Rotate <em>them</em>.</p>")
    resp = client.get("/feeds/planet.json")
    assert resp.headers["content-type"] == "application/feed+json"
    body = resp.json()
    assert body["version"] == "https://jsonfeed.org/version/1.1"
    assert body["feed_url"].endswith("/feeds/planet.json") and body["title"]
    [item] = body["items"]
    assert item["title"] == "Keys" and item["content_html"] == "<p>Rotate <em>them</em>.</p>"
    assert item["summary"] == "Rotate them."
    assert item["authors"][0]["name"] == "Ada Lovelace" and item["date_published"].endswith("Z")


def test_theme_feeds_carry_only_that_theme(app: FastAPI, client: TestClient, feed: Feed) -> None:
    planet(app, feed)
    post(app, "p1", "Cloud post")
    post(app, "p3", "Recruiting post")
    atom = feedparser.parse(client.get("/feeds/themes/cloud-security.atom").content)
    assert [e.title for e in atom.entries] == ["Cloud post"]
    assert "Cloud security" in atom.feed.title
    json_feed = client.get("/feeds/themes/recruiting.json").json()
    assert [i["title"] for i in json_feed["items"]] == ["Recruiting post"]
    missing = client.get("/feeds/themes/nope.atom")
    assert (
        missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"
    )
    assert client.get("/feeds/networks/security.json").status_code == 404


def test_script_in_feeds_is_escaped(app: FastAPI, client: TestClient, feed: Feed) -> None:
    planet(app, feed)
    post(app, "p1", "<script>alert(1)</script>", summary="<p>fine</p>")
    atom = client.get("/feeds/planet.atom").text
    assert "<script>" not in atom and "&lt;script&gt;alert(1)&lt;/script&gt;" in atom
    entry = feedparser.parse(atom.encode()).entries[0]
    assert entry.title == "<script>alert(1)</script>"  # text, not markup
    assert client.get("/feeds/planet.json").json()["items"][0]["title"] == entry.title
