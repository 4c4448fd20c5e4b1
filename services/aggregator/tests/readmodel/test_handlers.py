"""The event handlers keep the read model right: idempotent, order-tolerant, forgetful."""

from __future__ import annotations

from typing import Any

from aggregator_factories import Feed, apply
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_aggregator import models
from sqlalchemy import func, select


def directory(client: TestClient) -> dict[str, Any]:
    body: dict[str, Any] = client.get("/public").json()
    body.pop("generated_at")
    return body


def row_counts(app: FastAPI) -> dict[str, int]:
    tables = (models.PublicPerson, models.PublicPersonTheme, models.PublicAccount)
    with app.state.sessionmaker() as session:
        return {
            t.__tablename__: session.scalar(select(func.count()).select_from(t)) or 0
            for t in tables
        }


def test_public_event_lists_the_person_under_their_theme(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    apply(
        app,
        feed.theme("t1", "cloud", "Cloud", description="All things cloud"),
        feed.public("p1", "Ada"),
    )
    body = directory(client)
    assert body["people_count"] == 1
    [section] = body["themes"]
    assert (section["slug"], section["name"], section["description"]) == (
        "cloud",
        "Cloud",
        "All things cloud",
    )
    assert section["people"][0]["display_name"] == "Ada"
    assert section["people"][0]["accounts"][0]["handle"] == "@someone@example.social"


def test_replaying_the_same_events_leaves_the_same_state(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    batch = [feed.theme("t1", "cloud", "Cloud"), feed.public("p1", "Ada"), feed.public("p2", "Bob")]
    apply(app, *batch)
    first, counts = directory(client), row_counts(app)
    consumer_replay = [dict(e, id=e["id"] + 100) for e in batch]
    apply(app, *consumer_replay, *consumer_replay)
    assert directory(client) == first
    assert (
        row_counts(app)
        == counts
        == {"public_person": 2, "public_person_theme": 2, "public_account": 2}
    )


def test_a_new_projection_replaces_the_old_one(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    apply(app, feed.public("p1", "Ada", themes=[{"slug": "cloud", "name": "Cloud"}]))
    apply(app, feed.public("p1", "Ada L.", themes=[{"slug": "data", "name": "Data"}], accounts=[]))
    body = directory(client)
    assert [s["slug"] for s in body["themes"]] == ["data"]
    assert body["themes"][0]["people"][0]["display_name"] == "Ada L."
    assert body["themes"][0]["people"][0]["accounts"] == []


def test_theme_order_does_not_matter(app: FastAPI, client: TestClient, feed: Feed) -> None:
    apply(
        app, feed.public("p1", "Ada"), feed.theme("t1", "cloud", "Cloud computing", description="d")
    )
    person_first = directory(client)
    apply(app, feed.gone("erased", "p1"))
    apply(
        app, feed.theme("t1", "cloud", "Cloud computing", description="d"), feed.public("p1", "Ada")
    )
    theme_first = directory(client)
    assert person_first == theme_first
    assert theme_first["themes"][0]["people"][0]["themes"] == [
        {"slug": "cloud", "name": "Cloud computing"}
    ]


def test_unlisted_removes_the_person(app: FastAPI, client: TestClient, feed: Feed) -> None:
    apply(app, feed.public("p1", "Ada"), feed.public("p2", "Bob"))
    apply(app, feed.gone("unlisted", "p1"))
    names = [p["display_name"] for s in directory(client)["themes"] for p in s["people"]]
    assert names == ["Bob"]


def test_erasure_removes_everything_about_the_person(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    apply(app, feed.public("p1", "Ada Lovelace", bio="Unique-bio-marker"))
    apply(app, feed.gone("erased", "p1"))
    assert row_counts(app) == {"public_person": 0, "public_person_theme": 0, "public_account": 0}
    for path in ("/", "/?lang=fr", "/themes/cloud", "/public"):
        text = client.get(path).text
        assert "Ada Lovelace" not in text and "Unique-bio-marker" not in text
        assert "example.social" not in text
    apply(app, feed.gone("erased", "p1"))  # erasing twice is harmless
    assert directory(client)["people_count"] == 0


def test_archived_theme_is_hidden_and_returns_when_restored(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    apply(app, feed.theme("t1", "cloud", "Cloud"), feed.public("p1", "Ada"))
    apply(app, feed.theme("t1", "cloud", "Cloud", archived=True))
    assert directory(client)["themes"] == []
    assert client.get("/themes/cloud").status_code == 404
    apply(app, feed.theme("t1", "cloud", "Cloud", archived=False))
    assert [s["slug"] for s in directory(client)["themes"]] == ["cloud"]


def test_renamed_slug_moves_people_along(app: FastAPI, client: TestClient, feed: Feed) -> None:
    apply(app, feed.theme("t1", "cloud", "Cloud"), feed.public("p1", "Ada"))
    apply(app, feed.theme("t1", "cloud-native", "Cloud native"))
    [section] = directory(client)["themes"]
    assert (section["slug"], [p["display_name"] for p in section["people"]]) == (
        "cloud-native",
        ["Ada"],
    )


def test_merge_moves_people_into_the_target_without_duplicates(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    both = [{"slug": "ai", "name": "AI"}, {"slug": "ml", "name": "ML"}]
    apply(
        app,
        feed.theme("t1", "ai", "AI"),
        feed.theme("t2", "ml", "ML"),
        feed.public("p1", "Ada", themes=both),
        feed.public("p2", "Bob", themes=[{"slug": "ml", "name": "ML"}]),
    )
    merge = feed.merged("t2", "ml", "ai")
    apply(app, merge)
    apply(app, dict(merge, id=merge["id"] + 1))  # replayed
    [section] = directory(client)["themes"]
    assert section["slug"] == "ai"
    assert [p["display_name"] for p in section["people"]] == ["Ada", "Bob"]
    assert row_counts(app)["public_person_theme"] == 2


def test_malformed_and_unknown_events_are_skipped_not_fatal(
    app: FastAPI, client: TestClient, feed: Feed
) -> None:
    apply(
        app,
        feed.event("ambassador.public", "p9", {"id": "p9"}),  # no display_name
        feed.event("network.created", "n1", {"id": "n1"}),
        feed.public("p1", "Ada"),
    )
    assert directory(client)["people_count"] == 1


def test_unsafe_account_links_are_dropped(app: FastAPI, client: TestClient, feed: Feed) -> None:
    bad = {"platform": "blog", "handle": "x", "profile_url": "javascript:alert(1)"}
    good = {"platform": "blog", "handle": "ada.dev", "profile_url": "https://ada.dev"}
    apply(app, feed.public("p1", "Ada", accounts=[bad, good, good]))
    person = directory(client)["themes"][0]["people"][0]
    assert [a["handle"] for a in person["accounts"]] == ["ada.dev"]
    assert "javascript:" not in client.get("/").text
