"""The refresh job: lease due feeds, let the session go, fetch them all, then write results.

No database connection is held across the network: the lease is a short transaction
(``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so replicas take disjoint feeds), the fetches run
on the event loop under the fetcher's limits, and the results are written in batches, one
short transaction each, while the slower feeds are still fetched; one feed that breaks the
parser or the database stops nobody else (its batch is written again feed by feed).
A replica that dies holding leases only delays its feeds until the lease expires.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from fastapi import FastAPI
from relais_common.db import utcnow
from relais_common.ssrf import SSRFGuard
from sqlalchemy.orm import Session, sessionmaker

from relais_aggregator.config import Settings
from relais_aggregator.feeds import images
from relais_aggregator.feeds.fetcher import FeedFetcher, host_of
from relais_aggregator.feeds.refresh import RefreshPolicy, outcome_to_update, unreadable
from relais_aggregator.feeds.repository import FeedRepository
from relais_aggregator.feeds.rules import Polling
from relais_aggregator.feeds.work import FeedTask, FeedUpdate

log = logging.getLogger("relais.aggregator.feeds")
WRITE_BATCH = 50
SLOW_SECONDS = 1.0  # a feed whose last fetch took this long starts before the others


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
    """One transaction per batch, without savepoints: a savepoint per feed cost a round trip
    each on PostgreSQL, and on SQLite (whose driver begins a transaction at the first write,
    not at BEGIN) the first SAVEPOINT opened the transaction and its RELEASE committed it, so
    each feed was a commit of its own. Should anything in the batch fail, the batch is rolled
    back and written again one savepoint per feed, so that the failing feed is the only one
    left out."""
    if not updates:
        return
    try:
        with sessions() as session, session.begin():
            written = _write_batch(FeedRepository.from_session(session), updates)
    except Exception as exc:  # one bad feed (or the database): each on its own, then
        log.warning("writing %d feeds at once failed (%s): one by one", len(updates), exc)
        _write_one_by_one(sessions, updates, stats)
        return
    stats.written += written


def _write_batch(repo: FeedRepository, updates: list[FeedUpdate]) -> int:
    """Results without posts that look alike in one executemany, the others one by one."""
    alike: dict[tuple[str, ...], list[FeedUpdate]] = {}
    written = 0
    for update in updates:
        if update.items:
            written += repo.write(update)
        else:
            alike.setdefault(tuple(sorted(update.values)), []).append(update)
    for group in alike.values():
        written += repo.write_many(group)
    return written


def _write_one_by_one(
    sessions: sessionmaker[Session], updates: list[FeedUpdate], stats: RoundStats
) -> None:
    with sessions() as session, session.begin():
        repo = FeedRepository.from_session(session)
        for update in updates:
            try:
                with session.begin_nested():
                    if repo.write(update):
                        stats.written += 1
            except Exception as exc:  # one feed's write failing must not stop the others
                stats.failed += 1
                stats.errors.append(f"{update.feed_id}: {exc}")
                log.warning("writing feed %s failed: %s", update.feed_id, exc)


def spread_by_host(tasks: list[FeedTask]) -> list[FeedTask]:
    """Each host's first feed, then each host's second... (order kept within a host).

    Leased in due order, one host's feeds often come together (a platform's hundreds of
    people): started that way, they would queue behind its per-host limit while the other
    hosts wait for their turn; spread, every host starts at once and the round's slowest
    fetches are not the last ones started."""
    by_host: dict[str, list[FeedTask]] = {}
    for task in tasks:
        by_host.setdefault(host_of(task.url), []).append(task)
    queues = list(by_host.values())
    return [q[i] for i in range(max(map(len, queues), default=0)) for q in queues if i < len(q)]


def slowest_first(
    tasks: list[FeedTask], last_took: Callable[[str], float | None]
) -> list[FeedTask]:
    """Feeds whose last fetch was slow (or timed out) first, slowest first, then the others
    in their order: a 3 s feed started last ends the round 3 s after everything else; started
    first, it is fetched while the others are."""
    took = {task.id: last_took(task.url) or 0.0 for task in tasks}
    slow = sorted((t for t in tasks if took[t.id] >= SLOW_SECONDS), key=lambda t: -took[t.id])
    return slow + [t for t in tasks if took[t.id] < SLOW_SECONDS]


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
        moment = now or utcnow()
        try:
            return outcome_to_update(task, outcome, owner=owner, now=moment, policy=policy)
        except Exception as exc:  # a feed no rule foresaw must not stop the round
            log.warning("reading feed %s failed: %s", task.id, exc)
            return unreadable(task, owner=owner, now=moment, policy=policy)

    # Started in this order (as_completed alone would start them in a set's order); results
    # are written while the slower feeds are still being fetched: one writer thread at a
    # time, in batches, so a round lasts about as long as its slowest fetch.
    order = slowest_first(spread_by_host(tasks), fetcher.last_took)
    started_tasks = [asyncio.ensure_future(one(task)) for task in order]
    writer: asyncio.Future[None] | None = None
    batch: list[FeedUpdate] = []
    for finished in asyncio.as_completed(started_tasks):
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
