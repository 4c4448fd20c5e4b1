"""Each rule of the polite fetcher, against a real local HTTP server, through the job's round."""

from __future__ import annotations

from datetime import timedelta

from aggregator_factories import Feed
from fastapi import FastAPI
from feed_helpers import account, items, make_due, only_feed, publish, refresh
from feed_site import FeedSite, rss
from relais_aggregator.config import Settings
from relais_aggregator.feeds.models import FeedItem
from relais_common.db import utcnow
from sqlalchemy import select

POSTS = [
    {"link": "https://blog.example/a", "title": "Alpha", "date": "Mon, 30 Nov 2026 10:00:00 GMT"},
    {"link": "https://blog.example/b", "title": "Beta", "date": "Sun, 29 Nov 2026 10:00:00 GMT"},
]


def test_a_feed_is_read_and_its_posts_kept(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.feed("/a.rss", rss(*POSTS), etag='"v1"')
    publish(app, feed, "p1", account(site.url("/a.rss")))
    stats = refresh(app, settings)
    assert stats.written == 1
    assert [i.title for i in items(app)] == ["Alpha", "Beta"]
    row = only_feed(app)
    assert (row.status, row.http_status, row.etag, row.last_error) == ("active", 200, '"v1"', None)
    assert row.next_attempt_at > utcnow()
    (headers,) = site.requests_to("/a.rss")
    assert "Relais" in headers["User-Agent"] and "https://acme.example" in headers["User-Agent"]


def test_the_etag_is_sent_back_and_304_changes_nothing(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.feed("/a.rss", rss(*POSTS), etag='"v1"')
    publish(app, feed, "p1", account(site.url("/a.rss")))
    refresh(app, settings)
    make_due(app)
    refresh(app, settings)
    first, second = site.requests_to("/a.rss")
    assert "If-None-Match" not in first and second["If-None-Match"] == '"v1"'
    row = only_feed(app)
    assert (row.http_status, row.failures, row.status) == (304, 0, "active")
    assert len(items(app)) == 2


def test_last_modified_is_sent_back(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    stamp = "Mon, 30 Nov 2026 10:00:00 GMT"
    site.feed("/a.rss", rss(*POSTS), headers={"Last-Modified": stamp})
    publish(app, feed, "p1", account(site.url("/a.rss")))
    refresh(app, settings)
    make_due(app)
    refresh(app, settings)
    assert site.requests_to("/a.rss")[1]["If-Modified-Since"] == stamp


def test_an_unchanged_body_is_not_parsed_again(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.feed("/a.rss", rss(*POSTS))  # no validators at all: only the body hash can tell
    publish(app, feed, "p1", account(site.url("/a.rss")))
    refresh(app, settings)
    with app.state.sessionmaker() as session, session.begin():
        for item in session.scalars(select(FeedItem)):
            item.title = "edited here"
    make_due(app)
    refresh(app, settings)
    assert {i.title for i in items(app)} == {"edited here"}  # the same bytes were not re-read
    site.feed("/a.rss", rss(POSTS[0]))
    make_due(app)
    refresh(app, settings)
    assert "Alpha" in {i.title for i in items(app)}


def test_a_301_moves_the_stored_address_and_says_so(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.redirect("/old.rss", site.url("/new.rss"), 301)
    site.feed("/new.rss", rss(*POSTS))
    publish(app, feed, "p1", account(site.url("/old.rss")))
    refresh(app, settings)
    row = only_feed(app)
    assert row.url == site.url("/new.rss")
    assert row.original_url == row.redirected_from == site.url("/old.rss")
    assert row.redirected_at is not None
    make_due(app)
    refresh(app, settings)
    assert len(site.requests_to("/old.rss")) == 1  # the next fetch goes to the new address


def test_a_302_is_followed_without_moving_the_address(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.redirect("/old.rss", site.url("/new.rss"), 302)
    site.feed("/new.rss", rss(*POSTS))
    publish(app, feed, "p1", account(site.url("/old.rss")))
    refresh(app, settings)
    row = only_feed(app)
    assert (row.url, row.redirected_from, len(items(app))) == (site.url("/old.rss"), None, 2)


def test_410_retires_the_feed(app: FastAPI, feed: Feed, site: FeedSite, settings: Settings) -> None:
    site.status("/a.rss", 410)
    publish(app, feed, "p1", account(site.url("/a.rss")))
    refresh(app, settings)
    row = only_feed(app)
    assert (row.status, row.http_status) == ("retired", 410)
    assert "gone for good" in (row.last_error or "")
    make_due(app)
    assert refresh(app, settings).leased == 0  # never fetched again


def test_429_retry_after_is_honoured(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.status("/a.rss", 429, {"Retry-After": "7200"})
    publish(app, feed, "p1", account(site.url("/a.rss")))
    before = utcnow()
    refresh(app, settings)
    row = only_feed(app)
    assert (row.status, row.http_status, row.failures) == ("failing", 429, 1)
    assert row.next_attempt_at >= before + timedelta(seconds=7200)
    assert "slow down" in (row.last_error or "")


def test_500_backs_off_and_keeps_counting(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.status("/a.rss", 500)
    publish(app, feed, "p1", account(site.url("/a.rss")))
    refresh(app, settings)
    first = only_feed(app)
    make_due(app)
    now = utcnow()
    refresh(app, settings)
    second = only_feed(app)
    assert (second.failures, second.status, second.http_status) == (2, "failing", 500)
    assert "failed to answer (500 Internal Server Error)" in (second.last_error or "")
    assert second.next_attempt_at - now > first.next_attempt_at - first.last_error_at  # type: ignore[operator]
    site.feed("/a.rss", rss(*POSTS))
    make_due(app)
    refresh(app, settings)
    healed = only_feed(app)
    assert (healed.failures, healed.status, healed.last_success_at is not None) == (
        0,
        "active",
        True,
    )


def test_posts_deduplicated_by_id_and_link_dates_clamped_and_bounded(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    site.feed(
        "/a.rss",
        rss(
            {
                "link": "https://blog.example/x",
                "guid": "1",
                "date": "Fri, 01 Jan 2100 00:00:00 GMT",
            },
            {"link": "https://blog.example/x", "guid": "2"},  # same link: a duplicate
            {"link": "https://blog.example/y", "guid": "1"},  # same id: a duplicate
            {"link": "/relative", "guid": "3", "date": "Thu, 01 Jan 1970 00:00:00 GMT"},
            *[{"link": f"https://blog.example/{n}", "guid": f"n{n}"} for n in range(10)],
        ),
    )
    publish(app, feed, "p1", account(site.url("/a.rss")))
    small = settings.model_copy(update={"feed_max_items": 5})
    now = utcnow()
    refresh(app, small)
    kept = items(app)
    assert len(kept) == 5
    assert all(i.published_at <= utcnow() for i in kept)  # 2100 clamped, 1970 = first seen
    assert all(i.published_at >= now - timedelta(seconds=5) for i in kept)
    links = [i.link for i in kept]
    assert len(set(links)) == len(links)
