"""The public HTML page: content, escaping, accessibility landmarks, languages, empty state."""

from __future__ import annotations

import re

from aggregator_factories import Feed, apply
from fastapi import FastAPI
from fastapi.testclient import TestClient


def test_empty_state_when_nobody_is_listed(client: TestClient) -> None:
    resp = client.get("/")
    assert resp.status_code == 200
    assert resp.headers["content-type"] == "text/html; charset=utf-8"
    assert "Nobody is listed yet" in resp.text
    assert "Who speaks for Acme &amp; Co" in resp.text


def test_page_structure_is_accessible(app: FastAPI, client: TestClient, feed: Feed) -> None:
    apply(
        app,
        feed.theme("t1", "cloud", "Cloud", description="Clouds and more"),
        feed.public("p1", "Ada Lovelace"),
    )
    html = client.get("/").text
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in html
    assert '<a class="skip" href="#content">Skip to content</a>' in html
    assert '<main id="content"' in html and "<header" in html and "<footer" in html
    assert '<nav class="themes" aria-labelledby="nav-title">' in html
    assert html.count("<h1>") == 1
    assert ":focus-visible" in html
    assert "<script" not in html and 'src="http' not in html and "stylesheet" not in html


def test_theme_section_and_person_card(app: FastAPI, client: TestClient, feed: Feed) -> None:
    apply(
        app,
        feed.theme("t1", "cloud", "Cloud", description="Clouds and more"),
        feed.public("p1", "Ada Lovelace"),
    )
    html = client.get("/").text
    assert '<a href="#theme-cloud">Cloud</a>' in html
    assert "Clouds and more" in html and "1 person" in html
    assert '<span class="avatar' in html and ">AL</span>" in html
    assert "Engineer" in html and "Lyon" in html and "Speaks: French, English" in html
    assert (
        '<a href="https://example.social/@someone" rel="me noopener">'
        "Mastodon: @someone<wbr>@example.social</a>"
    ) in html


def test_people_are_sorted_by_name(app: FastAPI, client: TestClient, feed: Feed) -> None:
    apply(app, feed.public("p1", "zoé Zola"), feed.public("p2", "Ada"), feed.public("p3", "Bob"))
    html = client.get("/").text
    positions = [html.index(f"<h3>{name}</h3>") for name in ("Ada", "Bob", "zoé Zola")]
    assert positions == sorted(positions)
    assert "3 people" in html


def test_people_without_theme_are_still_shown(app: FastAPI, client: TestClient, feed: Feed) -> None:
    apply(app, feed.public("p1", "Ada", themes=[]))
    html = client.get("/").text
    assert "More voices" in html and "<h3>Ada</h3>" in html


def test_everything_is_escaped(app: FastAPI, client: TestClient, feed: Feed) -> None:
    evil = "<script>alert('x')</script>"
    apply(
        app,
        feed.theme("t1", "cloud", f"Cloud {evil}", description=evil),
        feed.public(
            "p1",
            f"Mallory {evil}",
            job_title=evil,
            location=evil,
            bio=evil,
            languages=["<b>"],
            accounts=[
                {"platform": "<i>", "handle": evil, "profile_url": 'https://x.test/"onmouseover="a'}
            ],
        ),
    )
    for path in ("/", "/?lang=fr", "/themes/cloud"):
        html = client.get(path).text
        assert "<script>" not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
        assert "<b>" not in html and "<i>" not in html
    assert 'href="https://x.test/&quot;onmouseover=&quot;a"' in client.get("/").text


def test_language_from_query_and_accept_language(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    apply(app, feed.public("p1", "Ada"))
    fr = client.get("/?lang=fr")
    assert '<html lang="fr">' in fr.text and "Qui parle pour Acme &amp; Co" in fr.text
    assert "Parle\u202f: français, anglais" in fr.text
    assert (
        "Mastodon\u202f: @someone<wbr>@example.social" in fr.text
    )  # French typography on links too
    assert "Mastodon: @someone<wbr>@example.social" in client.get("/?lang=en").text
    assert fr.headers["content-language"] == "fr"
    assert '<a class="switch" href="/?lang=en" hreflang="en" lang="en"' in fr.text
    assert (
        '<html lang="fr">' in client.get("/", headers={"Accept-Language": "fr-CH, en;q=0.5"}).text
    )
    assert (
        '<html lang="en">'
        in client.get("/", headers={"Accept-Language": "de, en;q=0.8, fr;q=0.3"}).text
    )
    assert '<html lang="en">' in client.get("/?lang=en", headers={"Accept-Language": "fr"}).text
    en = client.get("/", headers={"Accept-Language": "es"})
    assert '<html lang="en">' in en.text
    assert '<a class="switch" href="/?lang=fr" hreflang="fr" lang="fr"' in en.text


def test_unknown_language_is_a_readable_422(client: TestClient) -> None:
    resp = client.get("/?lang=de")
    assert resp.status_code == 422
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["errors"][0]["field"] == "query.lang"


def test_theme_page(app: FastAPI, client: TestClient, feed: Feed) -> None:
    apply(app, feed.theme("t1", "cloud", "Cloud", description="Clouds"), feed.public("p1", "Ada"))
    resp = client.get("/themes/cloud?lang=fr")
    assert resp.status_code == 200
    assert "<h1>Cloud</h1>" in resp.text and "<h2>Ada</h2>" in resp.text
    assert '<a class="switch" href="/themes/cloud?lang=en"' in resp.text
    assert "Tous les thèmes" in resp.text


def test_unknown_theme_is_a_404_page_with_the_same_look(client: TestClient) -> None:
    resp = client.get("/themes/nope", headers={"Accept-Language": "fr"})
    assert resp.status_code == 404
    assert resp.headers["content-type"] == "text/html; charset=utf-8"
    assert "<h1>Page introuvable</h1>" in resp.text and '<html lang="fr">' in resp.text
    assert '<a class="skip" href="#content">' in resp.text


def test_links_never_point_outside_the_consented_accounts(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    apply(app, feed.theme("t1", "cloud", "Cloud"), feed.public("p1", "Ada"))
    hrefs = set(re.findall(r'href="([^"#]+)"', client.get("/").text))
    external = {h for h in hrefs if h.startswith("http")}
    assert external == {"https://example.social/@someone"}


def test_fediverse_handles_are_not_shaped_like_email_addresses(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    # Scanners checking the page for e-mail leaks must not read "@someone@example.social"
    # as "someone@example.social"; the rendered text stays the handle.
    apply(app, feed.public("p1", "Ada"))
    email = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}")
    for path in ("/", "/?lang=fr", "/themes/cloud"):
        html = client.get(path).text
        assert "@someone<wbr>@example.social" in html, path
        assert not email.search(html), path
