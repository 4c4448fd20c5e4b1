"""The river: latest consented posts, newest first, pinned first, paginated, on every page."""

from __future__ import annotations

import re

from aggregator_factories import Feed
from fastapi import FastAPI
from fastapi.testclient import TestClient
from planet_factories import planet, post
from relais_aggregator.pages.posts import PAGE_SIZE


def test_home_shows_posts_newest_first_with_their_details(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    planet(app, feed)
    post(app, "p1", "Older post", age_hours=5, summary="<p>Zero trust, <b>explained</b>.</p>")
    post(app, "p2", "Newer post", age_hours=1)
    html = client.get("/").text
    assert html.index("Newer post") < html.index("Older post")
    assert "Zero trust, explained." in html  # excerpt as plain text
    assert 'datetime="2026-12-01T07:00:00+00:00">1 December 2026</time>' in html
    assert '<a href="/people/ada-lovelace-p1?lang=en">Ada Lovelace</a>' in html
    assert "on example.social (Mastodon)" in html
    assert '"@type":"BlogPosting"' in html and '"headline":"Newer post"' in html
    assert "1 décembre 2026" in client.get("/?lang=fr").text


def test_pinned_posts_lead_and_pages_follow(app: FastAPI, client: TestClient, feed: Feed) -> None:
    planet(app, feed)
    for i in range(PAGE_SIZE + 3):
        post(app, "p1", f"Post number {i:02d}", age_hours=i + 1)
    post(app, "p3", "Pinned news", age_hours=100, pinned=True)
    first = client.get("/").text
    titles = re.findall(r'rel="noopener">([^<]+)</a></h3>', first)
    assert titles[0] == "Pinned news" and titles[1] == "Post number 00"
    assert len(titles) == PAGE_SIZE and 'href="/?page=2&lang=en" rel="next"' in first
    second = client.get("/?page=2")
    assert second.status_code == 200 and "Post number 22" in second.text
    assert 'rel="prev"' in second.text and "Page 2" in second.text
    assert client.get("/?page=9").status_code == 404
    data = client.get("/public/posts").json()
    assert data["page"] == 1 and data["next_page"] == 2 and data["items"][0]["pinned"]


def test_theme_and_person_pages_show_their_posts(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    planet(app, feed)
    post(app, "p1", "Cloud keys rotation")
    post(app, "p3", "We are hiring")
    cloud = client.get("/themes/cloud-security").text
    assert "Cloud keys rotation" in cloud and "We are hiring" not in cloud
    rita = client.get("/people/rita-levi-p3").text
    assert "We are hiring" in rita and "Cloud keys rotation" not in rita
    body = client.get("/public/people/rita-levi-p3").json()
    assert [p["title"] for p in body["posts"]] == ["We are hiring"]


def test_hidden_and_filtered_posts_are_not_shown(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    planet(app, feed)
    post(app, "p1", "Visible one")
    post(app, "p1", "Owner hid this", hidden_by_owner=True)
    post(app, "p1", "Filtered out", matches_filters=False)
    post(app, "p1", "Admin hid this", hidden_by_admin=True)
    for path in ("/", "/people/ada-lovelace-p1", "/feeds/planet.atom", "/feeds/planet.json"):
        text = client.get(path).text
        assert "Visible one" in text, path
        assert not any(t in text for t in ("Owner hid", "Filtered out", "Admin hid")), path


def test_script_in_a_post_never_runs(app: FastAPI, client: TestClient, feed: Feed) -> None:
    planet(app, feed)
    evil = "<script>alert(1)</script>"
    post(app, "p1", f"Title {evil}", summary=f"<p>ok</p>{evil}")
    for path in (
        "/",
        "/themes/cloud-security",
        "/people/ada-lovelace-p1",
        "/widget/cloud-security",
    ):
        html = client.get(path).text
        assert "<script>alert" not in html, path
        assert "Title &lt;script&gt;alert(1)&lt;/script&gt;" in html, path
