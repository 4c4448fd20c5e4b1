"""Feed tests: a scripted local HTTP server, settings that allow exactly that one server, and
a helper that runs one refresh round like the job does."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests import feed_site

from aggregator_factories import Feed, apply  # noqa: E402
from feed_site import FeedSite, feed_site  # noqa: E402
from relais_aggregator.config import Settings  # noqa: E402
from relais_aggregator.feeds.jobs import RoundStats, fetcher_of, refresh_round  # noqa: E402
from relais_aggregator.feeds.models import Feed as FeedRow  # noqa: E402
from relais_aggregator.feeds.models import FeedItem  # noqa: E402
from sqlalchemy import select  # noqa: E402


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with feed_site() as running:
        yield running


@pytest.fixture
def settings(app: FastAPI, site: FeedSite) -> Settings:
    """Only the one test server (its address AND port) is exempt from the SSRF deny list."""
    current: Settings = app.state.settings
    return current.model_copy(
        update={
            "ssrf_allowed_networks": f"127.0.0.1:{site.port}",
            "feed_timeout_seconds": 2.0,
            "feed_max_bytes": 256 * 1024,
            "company_url": "https://acme.example",
        }
    )


def account(url: str, *, posts: bool = True, handle: str = "blog") -> dict[str, Any]:
    return {
        "platform": "blog",
        "handle": handle,
        "profile_url": "https://blog.example/",
        "feed_url": url,
        "posts": posts,
    }


def publish(app: FastAPI, feed: Feed, person: str, *accounts: dict[str, Any]) -> None:
    apply(app, feed.theme("t1", "cloud", "Cloud"), feed.public(person, "Ada", accounts=list(accounts)))


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
    from relais_common.db import utcnow
    from sqlalchemy import update

    with app.state.sessionmaker() as session, session.begin():
        session.execute(update(FeedRow).values(next_attempt_at=utcnow()))
