"""Privacy by construction: every table holding a person is exported, erased or exempted."""

from __future__ import annotations

from typing import Any

from aggregator_factories import Feed, apply
from fastapi import FastAPI
from relais_aggregator.feeds.models import Feed as FeedRow
from relais_aggregator.feeds.models import FeedItem
from relais_aggregator.models import Base
from relais_aggregator.privacy import REGISTRY
from relais_common.db import utcnow
from sqlalchemy import func, select


def rows_of(app: FastAPI, table: str, person_id: str) -> int:
    t = Base.metadata.tables[table]
    column = t.c.id if table == "public_person" else t.c.person_id
    with app.state.sessionmaker() as session:  # the test's own transaction (rolled back after)
        return int(session.scalar(select(func.count()).where(column == person_id)) or 0)


def test_every_table_holding_a_person_is_covered() -> None:
    assert REGISTRY.uncovered(Base.metadata) == [], "register these in relais_aggregator.privacy"
    assert REGISTRY.stale(Base.metadata) == []


def with_posts(feed: Feed, person_id: str, name: str) -> dict[str, Any]:
    account = {
        "platform": "blog",
        "handle": name.lower(),
        "profile_url": f"https://{name.lower()}.example/",
        "feed_url": f"https://{name.lower()}.example/feed.xml",
        "posts": True,
    }
    return feed.public(person_id, name, accounts=[account])


def fetched_post(app: FastAPI, person_id: str) -> None:
    """A post as the fetcher stores it (the fetcher itself is tested in tests/feeds)."""
    with app.state.sessionmaker() as session, session.begin():
        feed_id = session.scalar(select(FeedRow.id).where(FeedRow.person_id == person_id))
        session.add(
            FeedItem(
                feed_id=feed_id, person_id=person_id, guid="g", title="t", published_at=utcnow()
            )
        )


def test_erasure_removes_every_registered_row(app: FastAPI, feed: Feed) -> None:
    apply(
        app,
        feed.theme("t1", "cloud", "Cloud"),
        with_posts(feed, "p1", "Ada"),
        with_posts(feed, "p2", "Bo"),
    )
    fetched_post(app, "p1")
    fetched_post(app, "p2")
    covered = [t for c in REGISTRY.contributions.values() for t in c.tables]
    assert all(rows_of(app, table, "p1") for table in covered)  # stored before erasure
    apply(app, feed.gone("erased", "p1"))
    assert not any(rows_of(app, table, "p1") for table in covered)
    assert all(rows_of(app, table, "p2") for table in covered)  # nobody else's
