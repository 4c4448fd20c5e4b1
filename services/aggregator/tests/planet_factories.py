"""People who consented to show posts, and posts as the fetcher stores them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from aggregator_factories import Feed, apply
from fastapi import FastAPI
from relais_aggregator.feeds.models import Feed as FeedRow
from relais_aggregator.feeds.models import FeedItem
from sqlalchemy import select

MASTODON = "mastodon"


def poster(feed: Feed, person_id: str, name: str, **fields: Any) -> dict[str, Any]:
    """A listed person whose Mastodon account has a feed and the consent to show its posts."""
    slug = name.split()[0].lower()
    account = {
        "platform": MASTODON,
        "handle": f"@{slug}@example.social",
        "profile_url": f"https://example.social/@{slug}",
        "feed_url": f"https://example.social/@{slug}.rss",
        "posts": True,
    }
    return feed.public(person_id, name, accounts=[account], **fields)


def post(
    app: FastAPI,
    person_id: str,
    title: str,
    *,
    summary: str = "<p>Some words.</p>",
    age_hours: float = 1,
    categories: list[str] | None = None,
    **flags: bool,
) -> str:
    """One stored item of the person's feed; returns its id. Re-renders the pages."""
    with app.state.sessionmaker() as session, session.begin():
        feed_id = session.scalar(select(FeedRow.id).where(FeedRow.person_id == person_id))
        assert feed_id, f"{person_id} has no feed (consent to show posts?)"
        item = FeedItem(
            feed_id=feed_id,
            person_id=person_id,
            guid=f"{person_id}-{title}",
            link=f"https://example.social/{person_id}/{abs(hash(title))}",
            title=title,
            summary_html=summary,
            published_at=datetime(2026, 12, 1, 12, tzinfo=UTC) - timedelta(hours=age_hours),
            categories=categories or [],
            **flags,
        )
        session.add(item)
        session.flush()
        item_id = item.id
    app.state.pages.refresh()
    return str(item_id)


def planet(app: FastAPI, feed: Feed) -> None:
    """Two posters in the theme "Cloud security", one in "Recruiting"."""
    apply(
        app,
        feed.theme("t1", "cloud-security", "Cloud security"),
        feed.theme("t2", "recruiting", "Recruiting"),
        poster(feed, "p1", "Ada Lovelace", themes=[{"slug": "cloud-security", "name": "Cloud"}]),
        poster(feed, "p2", "Grace Hopper", themes=[{"slug": "cloud-security", "name": "Cloud"}]),
        poster(feed, "p3", "Rita Levi", themes=[{"slug": "recruiting", "name": "Recruiting"}]),
    )
