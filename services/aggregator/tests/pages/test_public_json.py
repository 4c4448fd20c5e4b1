"""The JSON outputs and the privacy defence: nothing but consented public data goes out."""

from __future__ import annotations

import re
from datetime import datetime

from aggregator_factories import Feed, apply
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_aggregator.models import Base
from sqlalchemy import text

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
OUTPUTS = (
    "/",
    "/?lang=fr",
    "/themes/cloud",
    "/themes/cloud?lang=fr",
    "/public",
    "/public/themes/cloud",
)


def test_directory_shape(app: FastAPI, client: TestClient, feed: Feed) -> None:
    apply(app, feed.theme("t1", "cloud", "Cloud", description="d"), feed.public("p1", "Ada"))
    body = client.get("/public").json()
    assert set(body) == {"generated_at", "themes", "people_count", "other_people"}
    datetime.fromisoformat(body["generated_at"])
    assert body["people_count"] == 1
    [section] = body["themes"]
    assert set(section) == {"slug", "name", "description", "people"}
    assert section["people"] == [
        {
            "id": "p1",
            "slug": "ada-p1",
            "display_name": "Ada",
            "job_title": "Engineer",
            "location": "Lyon",
            "languages": ["fr", "en"],
            "bio": "Writes about things.",
            "themes": [{"slug": "cloud", "name": "Cloud"}],
            "accounts": [
                {
                    "platform": "mastodon",
                    "handle": "@someone@example.social",
                    "profile_url": "https://example.social/@someone",
                    "feed_url": None,  # no consent to show posts: no feed goes out
                }
            ],
            "listed_at": "2026-11-20T09:00:00Z",
        }
    ]
    assert client.get("/public/themes/cloud").json() == section


def test_unknown_theme_json_is_a_problem(client: TestClient) -> None:
    resp = client.get("/public/themes/nope")
    assert resp.status_code == 404
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["status"] == 404


def test_extra_private_fields_are_neither_stored_nor_shown(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    leaky = feed.public(
        "p1",
        "Ada",
        email="ada.private@corp.example",
        department={"id": "d1", "name": "Secret Ops Department"},
        accounts=[
            {
                "platform": "mastodon",
                "handle": "ada",
                "profile_url": "https://example.social/@ada",
                "email": "ada.account@corp.example",
                "public": False,
            }
        ],
    )
    apply(app, leaky, feed.theme("t1", "cloud", "Cloud", email="themes@corp.example"))
    for path in OUTPUTS:
        body = client.get(path).text
        assert not EMAIL.search(body), path
        assert "Secret Ops" not in body and "department" not in body.lower(), path
    stored = ""
    with app.state.sessionmaker() as session:  # the test's own transaction (rolled back after)
        for table in Base.metadata.sorted_tables:
            for row in session.execute(text(f"SELECT * FROM {table.name}")):
                dumped = repr(tuple(row))
                stored += dumped
                assert "corp.example" not in dumped and "Secret Ops" not in dumped, table.name
    assert "Ada" in stored  # the scan saw the stored person: it would have seen a leak


def test_the_email_regex_would_catch_a_leak(app: FastAPI, client: TestClient, feed: Feed) -> None:
    # A person may legitimately put an address in their bio: it is public by their choice,
    # but this proves the regex in the test above is able to see one.
    apply(app, feed.public("p1", "Ada", bio="write to ada@corp.example"))
    assert EMAIL.search(client.get("/public").text)
