"""Feed health and owner controls over HTTP; the feeds' lifecycle from the events; leases;
the image proxy."""

from __future__ import annotations

from datetime import timedelta

from aggregator_factories import Feed, apply
from fastapi import FastAPI
from fastapi.testclient import TestClient
from feed_helpers import account, feeds, items, make_due, only_feed, publish, refresh
from feed_site import FeedSite, rss
from planet_factories import planet, post
from relais_aggregator.config import Settings
from relais_aggregator.feeds import images
from relais_aggregator.feeds.images import image_proxy_of
from relais_aggregator.feeds.jobs import RoundStats, write_all
from relais_aggregator.feeds.repository import FeedRepository
from relais_aggregator.feeds.work import FeedUpdate
from relais_common.db import utcnow
from relais_common.testing import identity_headers

POSTS = rss(
    {"link": "https://blog.example/k8s", "title": "Kubernetes at scale", "categories": ["cloud"]},
    {"link": "https://blog.example/bread", "title": "Sourdough", "categories": ["cooking"]},
)


def ada() -> dict[str, str]:
    return identity_headers("p1", {"ambassador"})


def fetched(app: FastAPI, feed: Feed, site: FeedSite, settings: Settings) -> None:
    site.feed("/a.rss", POSTS)
    publish(app, feed, "p1", account(site.url("/a.rss")))
    refresh(app, settings)


def test_health_shows_the_301_followed_and_the_items(
    app: FastAPI, client: TestClient, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.redirect("/old.rss", site.url("/a.rss"), 301)
    site.feed("/a.rss", POSTS)
    publish(app, feed, "p1", account(site.url("/old.rss")))
    refresh(app, settings)
    resp = client.get("/me/feeds", headers=ada())
    assert resp.status_code == 200
    (health,) = resp.json()["items"]
    assert health["url"] == site.url("/a.rss")
    assert health["redirected_from"] == site.url("/old.rss")
    assert health["redirected_at"] and health["last_success_at"]
    assert (health["http_status"], health["items_count"], health["last_error"]) == (200, 2, None)
    assert (
        client.get("/me/feeds", headers=identity_headers("p2", {"ambassador"})).json()["items"]
        == []
    )


def test_health_says_why_a_feed_fails(
    app: FastAPI, client: TestClient, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.status("/a.rss", 503)
    publish(app, feed, "p1", account(site.url("/a.rss")))
    refresh(app, settings)
    (health,) = client.get("/me/feeds", headers=ada()).json()["items"]
    assert health["status"] == "failing" and health["failures"] == 1
    assert health["last_error"] == "the site failed to answer (503 Service Unavailable)"
    assert health["next_attempt_at"] and health["last_error_at"]
    admin = identity_headers("admin-1", {"ambassador", "admin"})
    listed = client.get("/admin/feeds?status=failing", headers=admin).json()["items"]
    assert [f["id"] for f in listed] == [health["id"]]
    assert client.get("/admin/feeds?status=active", headers=admin).json()["items"] == []


def test_filters_need_if_match_and_apply_to_fetched_posts(
    app: FastAPI, client: TestClient, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    fetched(app, feed, site, settings)
    (health,) = client.get("/me/feeds", headers=ada()).json()["items"]
    path = f"/me/feeds/{health['id']}/filters"
    body = {"categories": ["cloud"], "keywords": []}
    assert client.put(path, json=body, headers=ada()).status_code == 428
    stale = {**ada(), "If-Match": '"stale.0"'}
    assert client.put(path, json=body, headers=stale).status_code == 412
    resp = client.put(path, json=body, headers={**ada(), "If-Match": health["etag"]})
    assert resp.status_code == 200 and resp.headers["ETag"] != health["etag"]
    assert resp.json()["filters"] == {"categories": ["cloud"], "keywords": []}
    shown = {i.title: i.matches_filters for i in items(app)}
    assert shown == {"Kubernetes at scale": True, "Sourdough": False}
    other = identity_headers("p2", {"ambassador"})
    assert client.put(path, json=body, headers={**other, "If-Match": "*"}).status_code == 404
    assert client.put(path, json={"colour": "red"}, headers=ada()).status_code == 422


def test_new_posts_follow_the_filters(
    app: FastAPI, client: TestClient, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    fetched(app, feed, site, settings)
    (health,) = client.get("/me/feeds", headers=ada()).json()["items"]
    client.put(
        f"/me/feeds/{health['id']}/filters",
        json={"keywords": ["bread", "sourdough"]},
        headers={**ada(), "If-Match": health["etag"]},
    )
    site.feed("/a.rss", rss({"link": "https://blog.example/rye", "title": "Rye sourdough"}))
    make_due(app)
    refresh(app, settings)
    shown = {i.title: i.matches_filters for i in items(app)}
    assert shown["Rye sourdough"] is True and shown["Kubernetes at scale"] is False


def test_the_owner_lists_and_hides_posts(
    app: FastAPI, client: TestClient, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    fetched(app, feed, site, settings)
    feed_id = only_feed(app).id
    page = client.get(f"/me/feeds/{feed_id}/items?limit=1", headers=ada()).json()
    assert len(page["items"]) == 1 and page["next_cursor"]
    rest = client.get(
        f"/me/feeds/{feed_id}/items?limit=1&cursor={page['next_cursor']}", headers=ada()
    ).json()
    assert {page["items"][0]["id"], rest["items"][0]["id"]} == {i.id for i in items(app)}
    item_id = page["items"][0]["id"]
    resp = client.put(
        f"/me/feeds/{feed_id}/items/{item_id}/hidden", json={"hidden": True}, headers=ada()
    )
    assert resp.status_code == 200 and resp.json()["hidden_by_owner"] is True
    assert [i.hidden_by_owner for i in items(app) if i.id == item_id] == [True]
    other = identity_headers("p2", {"ambassador"})
    assert client.get(f"/me/feeds/{feed_id}/items", headers=other).status_code == 404
    hide = client.put(
        f"/me/feeds/{feed_id}/items/nope/hidden", json={"hidden": True}, headers=ada()
    )
    assert hide.status_code == 404
    make_due(app)
    refresh(app, settings)  # a new fetch keeps the owner's choice
    assert [i.hidden_by_owner for i in items(app) if i.id == item_id] == [True]


def test_feeds_exist_only_with_the_posts_consent(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    publish(app, feed, "p1", account(site.url("/a.rss"), posts=False))
    assert feeds(app) == []
    fetched(app, feed, site, settings)
    assert len(items(app)) == 2
    publish(app, feed, "p1", account(site.url("/a.rss"), posts=False))  # consent withdrawn
    assert feeds(app) == [] and items(app) == []


def test_feeds_go_with_the_listing_and_the_person(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    fetched(app, feed, site, settings)
    publish(app, feed, "p1", account(site.url("/a.rss")))  # the projection again: kept
    assert len(items(app)) == 2
    apply(app, feed.gone("unlisted", "p1"))
    assert feeds(app) == [] and items(app) == []
    fetched(app, feed, site, settings)
    apply(app, feed.gone("erased", "p1"))
    assert feeds(app) == [] and items(app) == []


def test_a_new_feed_address_starts_again(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.status("/a.rss", 500)
    publish(app, feed, "p1", account(site.url("/a.rss")))
    refresh(app, settings)
    publish(app, feed, "p1", account(site.url("/b.rss")))
    row = only_feed(app)
    assert (row.url, row.failures, row.status, row.last_error) == (
        site.url("/b.rss"), 0, "active", None,
    )  # fmt: skip


def test_a_leased_feed_is_not_taken_twice_until_the_lease_expires(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    publish(app, feed, "p1", account(site.url("/a.rss")), account(site.url("/b"), handle="b"))
    now = utcnow()
    with app.state.sessionmaker() as session, session.begin():
        first = FeedRepository.from_session(session).lease_due("w1", now, 1, 120)
    with app.state.sessionmaker() as session, session.begin():
        second = FeedRepository.from_session(session).lease_due("w2", now, 10, 120)
    with app.state.sessionmaker() as session, session.begin():
        none_left = FeedRepository.from_session(session).lease_due("w3", now, 10, 120)
    assert len(first) == len(second) == 1 and first[0].id != second[0].id
    assert none_left == []
    later = now + timedelta(seconds=121)
    with app.state.sessionmaker() as session, session.begin():
        expired = FeedRepository.from_session(session).lease_due("w3", later, 10, 120)
    assert len(expired) == 2
    stats = refresh(app, settings, owner="w1")  # w1 lost its lease to w3: writes nothing
    assert stats.leased == 0


def test_the_image_proxy_serves_only_signed_images(
    app: FastAPI, client: TestClient, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    app.state.image_proxy = image_proxy_of(settings)
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 100
    site.feed("/cat.png", png, content_type="image/png")
    site.feed("/evil.svg", "<svg onload='alert(1)'/>", content_type="image/svg+xml")
    site.feed("/page", "<html></html>", content_type="text/html")
    tokens = images.ImageTokens(app.state.settings.internal_secret)
    planet(app, feed)
    post_id = post(app, "p1", "A post with images")  # the tokens name a post still shown

    def issue(url: str, secret: images.ImageTokens = tokens) -> str:
        return secret.issue(url, utcnow(), post_id)

    resp = client.get(f"/img/{issue(site.url('/cat.png'))}")
    assert resp.status_code == 200 and resp.content == png
    assert resp.headers["content-type"] == "image/png"
    assert "sandbox" in resp.headers["content-security-policy"]
    for path in ("/evil.svg", "/page", "/missing.png"):
        assert client.get(f"/img/{issue(site.url(path))}").status_code == 404
    forged = issue(site.url("/cat.png"), images.ImageTokens("forged"))
    assert client.get(f"/img/{forged}").status_code == 404
    internal = issue("http://127.0.0.1:1/secret.png")
    assert client.get(f"/img/{internal}").status_code == 404  # SSRF guard
    site.routes.pop("/cat.png")
    again = client.get(f"/img/{issue(site.url('/cat.png'))}")
    assert again.status_code == 200  # from the bounded cache


def test_a_write_that_fails_rolls_back_alone(app: FastAPI, feed: Feed, site: FeedSite) -> None:
    publish(app, feed, "p1", account(site.url("/a.rss")), account(site.url("/b"), handle="b"))
    with app.state.sessionmaker() as session, session.begin():
        tasks = FeedRepository.from_session(session).lease_due("w1", utcnow(), 10, 120)
    broken = FeedUpdate(task=tasks[0], owner="w1", values={"no_such_column": 1})
    fine = FeedUpdate(task=tasks[1], owner="w1", values={"http_status": 200})
    stats = RoundStats()
    write_all(app.state.sessionmaker, [broken, fine], stats)
    assert (stats.written, stats.failed) == (1, 1)
    by_id = {row.id: row for row in feeds(app)}
    assert by_id[tasks[1].id].http_status == 200 and by_id[tasks[1].id].lease_owner is None
    assert by_id[tasks[0].id].lease_owner == "w1"  # untouched: its lease simply expires


def test_a_worker_that_lost_its_lease_writes_nothing(
    app: FastAPI, feed: Feed, site: FeedSite
) -> None:
    publish(app, feed, "p1", account(site.url("/a.rss")))
    now = utcnow()
    with app.state.sessionmaker() as session, session.begin():
        (task,) = FeedRepository.from_session(session).lease_due("w1", now, 10, 120)
    with app.state.sessionmaker() as session, session.begin():
        later = now + timedelta(seconds=121)
        assert FeedRepository.from_session(session).lease_due("w2", later, 10, 120)
    for values in ({"http_status": 304}, {"http_status": 304, "failures": 0}):
        late = FeedUpdate(task=task, owner="w1", values=values)
        write_all(app.state.sessionmaker, [late], RoundStats())
    row = only_feed(app)
    assert (row.http_status, row.lease_owner) == (None, "w2")
