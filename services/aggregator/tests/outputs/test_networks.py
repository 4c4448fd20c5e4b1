"""Networks on the Planet: from network.changed events, the listed people of their themes."""

from __future__ import annotations

from typing import Any

import feedparser
from aggregator_factories import Feed, apply
from fastapi import FastAPI
from fastapi.testclient import TestClient
from planet_factories import planet, post


def network(feed: Feed, **fields: Any) -> dict[str, Any]:
    payload = {
        "id": "n1", "slug": "security", "name": "Security network",
        "purpose": "How we protect data.", "visibility": "open", "archived": False,
        "theme_slugs": ["cloud-security"],
    }  # fmt: skip
    payload.update(fields)
    return feed.event("network.changed", "n1", payload)


def test_a_network_page_and_feeds_show_its_themes_people_and_posts(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    planet(app, feed)
    post(app, "p1", "Cloud post")
    post(app, "p3", "Recruiting post")
    assert client.get("/networks/security").status_code == 404  # not published yet
    apply(app, network(feed))
    html = client.get("/networks/security?lang=fr").text
    assert "<h1>Security network</h1>" in html and "How we protect data." in html
    assert "Cloud post" in html and "Recruiting post" not in html
    assert ">Ada Lovelace</a></h3>" in html and "Rita Levi" not in html
    atom = feedparser.parse(client.get("/feeds/networks/security.atom").content)
    assert not atom.bozo and [e.title for e in atom.entries] == ["Cloud post"]
    assert [i["title"] for i in client.get("/feeds/networks/security.json").json()["items"]] == [
        "Cloud post"
    ]


def test_an_archived_network_leaves_the_planet(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    planet(app, feed)
    apply(app, network(feed))
    assert client.get("/networks/security").status_code == 200
    apply(app, network(feed, archived=True))
    assert client.get("/networks/security").status_code == 404
    assert client.get("/feeds/networks/security.atom").status_code == 404
