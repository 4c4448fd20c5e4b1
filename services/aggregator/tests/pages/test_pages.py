"""The public HTML pages: content, escaping, accessibility landmarks, languages, empty state."""

from __future__ import annotations

import re

from aggregator_factories import Feed, apply
from fastapi import FastAPI
from fastapi.testclient import TestClient

PAGES = ("/", "/?lang=fr", "/people/", "/themes/cloud", "/people/ada-lovelace-p1")


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
    for path in PAGES:
        html = client.get(path).text
        assert html.startswith("<!DOCTYPE html>"), path
        assert '<a class="skip" href="#content">' in html
        assert '<main id="content"' in html and "<header" in html and "<footer" in html
        assert html.count("<h1>") == 1 and ":focus-visible" in html
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
        # no script but schema.org data; no external stylesheet, font or image
        scripts = re.findall(r"<script[^>]*>", html)
        assert set(scripts) <= {'<script type="application/ld+json">'}, path
        assert 'src="http' not in html and "stylesheet" not in html
    assert '<nav class="themes" aria-labelledby="nav-title">' in client.get("/").text


def test_people_index_shows_each_person_once(app: FastAPI, client: TestClient, feed: Feed) -> None:
    two = [{"slug": "cloud", "name": "Cloud"}, {"slug": "data", "name": "Data"}]
    apply(app, feed.public("p1", "Ada Lovelace", themes=two))
    html = client.get("/people/").text
    assert html.count("Ada Lovelace</a></h2>") == 1
    assert "Engineer" in html and "Lyon" in html and "Speaks: French, English" in html
    assert (
        '<a href="https://example.social/@someone" rel="me noopener">'
        "Mastodon: @someone<wbr>@example.social</a>"
    ) in html


def test_people_filters_work_without_javascript(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    github = [{"platform": "github", "handle": "bob", "profile_url": "https://github.com/bob"}]
    apply(
        app,
        feed.public("p1", "Ada", themes=[{"slug": "cloud", "name": "Cloud"}]),
        feed.public("p2", "Bob", themes=[{"slug": "data", "name": "Data"}], accounts=github),
    )
    form = client.get("/people/").text
    assert '<form class="filters" method="get" action="/people/"' in form
    assert '<select id="f-theme" name="theme">' in form and '<label for="f-theme">' in form
    by_theme = client.get("/people/?theme=data&lang=en").text
    assert ">Bob</a></h2>" in by_theme and ">Ada</a></h2>" not in by_theme
    by_platform = client.get("/people/?platform=mastodon").text
    assert ">Ada</a></h2>" in by_platform and ">Bob</a></h2>" not in by_platform
    assert '<option value="mastodon" selected>' in by_platform
    both = client.get("/people/?theme=cloud&platform=mastodon&utm_source=x")  # route, not fast
    assert both.status_code == 200 and ">Ada</a></h2>" in both.text
    nobody = client.get("/people/?theme=data&platform=mastodon")
    assert nobody.status_code == 200 and "Nobody matches these filters." in nobody.text
    assert client.get("/people/?theme=unknown").status_code == 200


def test_person_page_has_accounts_with_rel_me_and_schema_org(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    apply(app, feed.public("p1", "Ada Lovelace"))
    resp = client.get("/people/ada-lovelace-p1")
    assert resp.status_code == 200
    assert "<h1>Ada Lovelace</h1>" in resp.text
    assert 'href="https://example.social/@someone" rel="me noopener"' in resp.text
    assert (
        '"@type":"Person"' in resp.text
        and '"sameAs":["https://example.social/@someone"]' in resp.text
    )
    assert '<meta property="og:type" content="profile">' in resp.text
    assert client.get("/people/nobody-x").status_code == 404


def test_branding_from_settings(client: TestClient) -> None:
    html = client.get("/").text
    assert '<meta property="og:site_name" content="Acme &amp; Co">' in html
    assert '"@type":"Organization"' in html and "--brand:#1f4e79" in html


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
    [person] = client.get("/public").json()["themes"][0]["people"]
    own_page = f"/people/{person['slug']}"
    for path in ("/", "/?lang=fr", "/themes/cloud", "/people/", own_page):
        html = client.get(path).text
        assert "<script>" not in html, path
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html, path
        assert "<b>" not in html and "<i>" not in html
    assert 'href="https://x.test/&quot;onmouseover=&quot;a"' in client.get("/people/").text


def test_language_from_query_and_accept_language(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    apply(app, feed.public("p1", "Ada"))
    fr = client.get("/people/?lang=fr")
    assert '<html lang="fr">' in fr.text and "Parle\u202f: français, anglais" in fr.text
    assert "Mastodon\u202f: @someone<wbr>@example.social" in fr.text
    assert "Mastodon: @someone<wbr>@example.social" in client.get("/people/?lang=en").text
    assert fr.headers["content-language"] == "fr"
    home = client.get("/?lang=fr").text
    assert "Qui parle pour Acme &amp; Co" in home
    assert '<a class="switch" href="/?lang=en" hreflang="en" lang="en"' in home
    assert (
        '<html lang="fr">' in client.get("/", headers={"Accept-Language": "fr-CH, en;q=0.5"}).text
    )
    assert (
        '<html lang="en">'
        in client.get("/", headers={"Accept-Language": "de, en;q=0.8, fr;q=0.3"}).text
    )
    assert '<html lang="en">' in client.get("/?lang=en", headers={"Accept-Language": "fr"}).text
    en = client.get("/", headers={"Accept-Language": "es"})
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
    assert "<h1>Cloud</h1>" in resp.text and ">Ada</a></h3>" in resp.text
    assert '<a class="switch" href="/themes/cloud?lang=en"' in resp.text
    assert "Tous les thèmes" in resp.text
    for link in ("/feeds/themes/cloud.atom", "/opml/themes/cloud.opml", "/opml/themes/cloud.csv"):
        assert f'href="{link}"' in resp.text


def test_unknown_theme_and_network_are_404_pages_with_the_same_look(client: TestClient) -> None:
    resp = client.get("/themes/nope", headers={"Accept-Language": "fr"})
    assert resp.status_code == 404
    assert resp.headers["content-type"] == "text/html; charset=utf-8"
    assert "<h1>Page introuvable</h1>" in resp.text and '<html lang="fr">' in resp.text
    net = client.get("/networks/security")
    assert net.status_code == 404 and "There is no network at this address yet." in net.text


def test_links_never_point_outside_the_consented_accounts(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    apply(app, feed.theme("t1", "cloud", "Cloud"), feed.public("p1", "Ada"))
    for path in ("/", "/people/", "/themes/cloud"):
        hrefs = set(re.findall(r'href="([^"#]+)"', client.get(path).text))
        own = "http://127.0.0.1:8000/"  # the Planet's own canonical address
        external = {h for h in hrefs if h.startswith("http") and not h.startswith(own)}
        assert external <= {"https://example.social/@someone"}, path


def test_fediverse_handles_are_not_shaped_like_email_addresses(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    apply(app, feed.public("p1", "Ada"))
    email = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}")
    for path in ("/people/", "/people/?lang=fr", "/themes/cloud"):
        html = client.get(path).text
        assert "@someone<wbr>@example.social" in html, path
        assert not email.search(html), path
