"""The refresh job: lease due feeds, let the session go, fetch them all, then write results.

No database connection is held across the network: the lease is a short transaction
(``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so replicas take disjoint feeds), the fetches run
on the event loop under the fetcher's limits, and each feed's result is written in its own
short transaction, so one feed that breaks the parser or the database stops nobody else.
A replica that dies holding leases only delays its feeds until the lease expires.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from dataclasses import dataclass, field
from datetime import datetime

from fastapi import FastAPI
from relais_common.db import utcnow
from relais_common.ssrf import SSRFGuard
from sqlalchemy.orm import Session, sessionmaker

from relais_aggregator.config import Settings
from relais_aggregator.feeds import images
from relais_aggregator.feeds.fetcher import FeedFetcher
from relais_aggregator.feeds.refresh import RefreshPolicy, outcome_to_update
from relais_aggregator.feeds.repository import FeedRepository
from relais_aggregator.feeds.rules import Polling
from relais_aggregator.feeds.work import FeedTask, FeedUpdate

log = logging.getLogger("relais.aggregator.feeds")
WRITE_BATCH = 50


@dataclass
class RoundStats:
    leased: int = 0
    written: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def policy_of(settings: Settings) -> RefreshPolicy:
    return RefreshPolicy(
        polling=Polling(
            min_interval=settings.feed_min_interval_seconds,
            max_interval=settings.feed_max_interval_seconds,
            max_backoff=settings.feed_max_backoff_seconds,
        ),
        max_items=settings.feed_max_items,
        image_url=images.signer(settings.internal_secret),
    )


def fetcher_of(settings: Settings) -> FeedFetcher:
    return FeedFetcher(
        SSRFGuard(settings.ssrf_allowed_networks),
        user_agent=settings.feed_user_agent,
        timeout=settings.feed_timeout_seconds,
        max_bytes=settings.feed_max_bytes,
        global_limit=settings.feed_concurrency,
        per_host_limit=settings.feed_per_host,
    )


def lease(sessions: sessionmaker[Session], owner: str, settings: Settings) -> list[FeedTask]:
    with sessions() as session, session.begin():
        return FeedRepository.from_session(session).lease_due(
            owner, utcnow(), settings.feed_batch, settings.feed_lease_seconds
        )


def write_all(
    sessions: sessionmaker[Session], updates: list[FeedUpdate], stats: RoundStats
) -> None:
    """One transaction per batch. Results without posts that look alike go in one executemany;
    the others one savepoint each, so a feed whose write fails is rolled back alone."""
    if not updates:
        return
    alike: dict[tuple[str, ...], list[FeedUpdate]] = {}
    one_by_one: list[FeedUpdate] = []
    for update in updates:
        if update.items:
            one_by_one.append(update)
        else:
            alike.setdefault(tuple(sorted(update.values)), []).append(update)
    with sessions() as session, session.begin():
        repo = FeedRepository.from_session(session)
        for group in alike.values():
            try:
                with session.begin_nested():
                    stats.written += repo.write_many(group)
            except Exception as exc:  # a group failing: each of its feeds on its own
                log.warning("writing %d feeds at once failed (%s): one by one", len(group), exc)
                one_by_one.extend(group)
        for update in one_by_one:
            try:
                with session.begin_nested():
                    if repo.write(update):
                        stats.written += 1
            except Exception as exc:  # one feed's write failing must not stop the others
                stats.failed += 1
                stats.errors.append(f"{update.feed_id}: {exc}")
                log.warning("writing feed %s failed: %s", update.feed_id, exc)


async def refresh_round(
    sessions: sessionmaker[Session],
    fetcher: FeedFetcher,
    settings: Settings,
    *,
    owner: str,
    policy: RefreshPolicy | None = None,
    now: datetime | None = None,
) -> RoundStats:
    """One round: every due feed (up to the batch size) fetched once."""
    started = time.perf_counter()
    policy = policy or policy_of(settings)
    stats = RoundStats()
    tasks = await asyncio.to_thread(lease, sessions, owner, settings)
    stats.leased = len(tasks)
    if not tasks:
        return stats

    async def one(task: FeedTask) -> FeedUpdate:
        outcome = await fetcher.fetch(task.url, etag=task.etag, last_modified=task.last_modified)
        return outcome_to_update(task, outcome, owner=owner, now=now or utcnow(), policy=policy)

    # Results are written while the slower feeds are still being fetched: one writer thread
    # at a time, in batches, so a round lasts about as long as its slowest fetch.
    writer: asyncio.Future[None] | None = None
    batch: list[FeedUpdate] = []
    for finished in asyncio.as_completed([one(task) for task in tasks]):
        batch.append(await finished)
        if len(batch) >= WRITE_BATCH and (writer is None or writer.done()):
            if writer is not None:
                await writer
            writer = asyncio.ensure_future(asyncio.to_thread(write_all, sessions, batch, stats))
            batch = []
    if writer is not None:
        await writer
    await asyncio.to_thread(write_all, sessions, batch, stats)
    stats.seconds = time.perf_counter() - started
    return stats


async def refresh_feeds(app: FastAPI) -> None:
    """The background job registered in main.py: rounds until nothing is due, then a pause."""
    settings: Settings = app.state.settings
    owner = worker_name()
    async with fetcher_of(settings) as fetcher:
        while True:
            try:
                stats = await refresh_round(app.state.sessionmaker, fetcher, settings, owner=owner)
                if stats.leased:
                    log.info("refreshed %d feeds in %.1f s", stats.written, stats.seconds)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # database hiccup: try again next time
                log.warning("feed refresh round failed: %s", exc)
                stats = RoundStats()
            if stats.leased < settings.feed_batch:
                await asyncio.sleep(settings.feed_poll_seconds)
