"""Helpers of the feed tests: accounts with posts consent, one refresh round, the stored rows."""

from __future__ import annotations

import asyncio
from typing import Any

from aggregator_factories import Feed, apply
from fastapi import FastAPI
from relais_aggregator.config import Settings
from relais_aggregator.feeds.jobs import RoundStats, fetcher_of, refresh_round
from relais_aggregator.feeds.models import Feed as FeedRow
from relais_aggregator.feeds.models import FeedItem
from relais_common.db import utcnow
from sqlalchemy import select, update


def account(url: str, *, posts: bool = True, handle: str = "blog") -> dict[str, Any]:
    return {
        "platform": "blog",
        "handle": handle,
        "profile_url": "https://blog.example/",
        "feed_url": url,
        "posts": posts,
    }


def publish(app: FastAPI, feed: Feed, person: str, *accounts: dict[str, Any]) -> None:
    apply(
        app, feed.theme("t1", "cloud", "Cloud"), feed.public(person, "Ada", accounts=list(accounts))
    )


def refresh(app: FastAPI, settings: Settings, owner: str = "test-worker") -> RoundStats:
    async def run() -> RoundStats:
        async with fetcher_of(settings) as fetcher:
            return await refresh_round(app.state.sessionmaker, fetcher, settings, owner=owner)

    return asyncio.run(run())


def feeds(app: FastAPI) -> list[FeedRow]:
    with app.state.sessionmaker() as session:
        return list(session.scalars(select(FeedRow).order_by(FeedRow.handle)))


def only_feed(app: FastAPI) -> FeedRow:
    (row,) = feeds(app)
    return row


def items(app: FastAPI) -> list[FeedItem]:
    with app.state.sessionmaker() as session:
        return list(session.scalars(select(FeedItem).order_by(FeedItem.published_at.desc())))


def make_due(app: FastAPI) -> None:
    """Bring every feed's next attempt to now (as time passing would)."""
    with app.state.sessionmaker() as session, session.begin():
        session.execute(update(FeedRow).values(next_attempt_at=utcnow()))
