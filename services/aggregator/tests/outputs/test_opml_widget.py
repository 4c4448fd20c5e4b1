"""OPML of people's feeds, the Mastodon follow list, and the embeddable widget."""

from __future__ import annotations

import csv
import io

from aggregator_factories import Feed, apply
from fastapi import FastAPI
from fastapi.testclient import TestClient
from lxml import etree
from planet_factories import planet, post


def test_opml_lists_consented_feeds_only(app: FastAPI, client: TestClient, feed: Feed) -> None:
    planet(app, feed)
    apply(app, feed.public("p4", "No Posts", themes=[{"slug": "cloud-security", "name": "C"}]))
    resp = client.get("/opml/themes/cloud-security.opml")
    assert resp.headers["content-type"] == "text/x-opml; charset=utf-8"
    root = etree.fromstring(resp.content)
    assert root.get("version") == "2.0"
    urls = [o.get("xmlUrl") for o in root.iter("outline")]
    assert urls == ["https://example.social/@ada.rss", "https://example.social/@grace.rss"]
    everyone = etree.fromstring(client.get("/opml/planet.opml").content)
    assert len(list(everyone.iter("outline"))) == 3  # p4 has no consent to show posts


def test_follow_list_is_what_mastodon_imports(app: FastAPI, client: TestClient, feed: Feed) -> None:
    planet(app, feed)
    resp = client.get("/opml/themes/cloud-security.csv")
    assert resp.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(resp.text)))
    assert rows[0] == ["Account address", "Show boosts", "Notify on new posts", "Languages"]
    assert rows[1:] == [
        ["ada@example.social", "true", "false", ""],
        ["grace@example.social", "true", "false", ""],
    ]


def test_widget_page_may_be_framed_and_runs_no_script(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    planet(app, feed)
    post(app, "p3", "We are hiring")
    resp = client.get("/widget/recruiting?lang=fr")
    assert resp.status_code == 200 and '<html lang="fr">' in resp.text
    assert "We are hiring" in resp.text and 'target="_blank" rel="noopener"' in resp.text
    csp = resp.headers["content-security-policy"]
    assert "frame-ancestors *" in csp and "default-src 'none'" in csp
    assert "script-src" not in csp and "'unsafe-inline'" not in csp  # style allowed by hash
    assert "<script" not in resp.text and "set-cookie" not in resp.headers
    assert "content-security-policy" not in client.get("/").headers  # only the widget
    assert client.get("/widget/nope").status_code == 404


def test_embed_script_needs_nothing_inline_from_the_host(client: TestClient) -> None:
    resp = client.get("/widget/embed.js")
    assert resp.headers["content-type"] == "text/javascript; charset=utf-8"
    script = resp.text
    assert "document.currentScript" in script and 'createElement("iframe")' in script
    assert 'setAttribute("style"' not in script and "innerHTML" not in script
    assert "cookie" not in script and "eval(" not in script
