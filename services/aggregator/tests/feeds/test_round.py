"""A round of many feeds: hosts spread, a busy host leaves the other hosts the global slots
(and still gets no more than its per-host limit), results written in batches."""

from __future__ import annotations

import asyncio
import threading
from datetime import timedelta

from aggregator_factories import Feed
from aiohttp import web
from fastapi import FastAPI
from feed_helpers import account, items, make_due, publish, refresh
from feed_site import FeedSite, feed_site, rss
from relais_aggregator.config import Settings
from relais_aggregator.feeds.fetcher import FeedFetcher, host_of
from relais_aggregator.feeds.jobs import RoundStats, slowest_first, spread_by_host, write_all
from relais_aggregator.feeds.models import FeedItem
from relais_aggregator.feeds.repository import FeedRepository
from relais_aggregator.feeds.work import FeedTask, FeedUpdate, ItemData
from relais_common.db import utcnow
from relais_common.ssrf import SSRFGuard
from sqlalchemy import update


def task(url: str) -> FeedTask:
    return FeedTask(url, "p", url, None, None, None, 0, 3600, {})


def test_hosts_are_spread_and_each_host_keeps_its_order() -> None:
    urls = [f"https://a.example/{n}" for n in range(3)] + ["https://b.example/0"]
    urls += ["http://a.example:8080/0", "https://A.example/3"]
    spread = [t.url for t in spread_by_host([task(u) for u in urls])]
    assert spread == [
        "https://a.example/0", "https://b.example/0", "http://a.example:8080/0",
        "https://a.example/1", "https://a.example/2", "https://A.example/3",
    ]  # fmt: skip
    assert host_of("https://A.example/x") == host_of("https://a.example/y")
    assert host_of("http://a.example:99999/") == ""  # refused later by the SSRF guard


def test_feeds_slow_last_time_start_first_slowest_first() -> None:
    tasks = [task(f"https://h{n}.example/") for n in range(5)]
    took = {"https://h1.example/": 3.0, "https://h3.example/": 20.0, "https://h4.example/": 0.2}
    order = [t.url for t in slowest_first(tasks, took.get)]
    assert order == [f"https://h{n}.example/" for n in (3, 1, 0, 2, 4)]


def test_the_fetcher_remembers_how_long_a_feed_took_timeouts_included(site: FeedSite) -> None:
    site.feed("/a.rss", rss({"link": "https://x.example/a"}))
    site.slow("/slow.rss", 2)

    async def run() -> tuple[float | None, ...]:
        guard = SSRFGuard(f"127.0.0.1:{site.port}")
        async with FeedFetcher(guard, user_agent="t", timeout=0.3) as fetcher:
            before = fetcher.last_took(site.url("/a.rss"))
            await fetcher.fetch(site.url("/a.rss"))
            await fetcher.fetch(site.url("/slow.rss"))
            return (
                before,
                fetcher.last_took(site.url("/a.rss")),
                fetcher.last_took(site.url("/slow.rss")),
            )

    before, quick, slow = asyncio.run(run())
    assert before is None and quick is not None
    assert slow is not None and slow >= 0.3  # it timed out: the next round starts it first


class HeldSite:
    """A path whose answers wait until released, counting the requests in flight at once."""

    def __init__(self, site: FeedSite, path: str) -> None:
        self.site = site
        self.release = asyncio.Event()  # of the site's own loop
        self.in_flight = 0
        self.most_at_once = 0
        self.arrived = threading.Semaphore(0)
        site.routes[path] = self.answer

    async def answer(self, request: web.Request) -> web.StreamResponse:
        self.in_flight += 1
        self.most_at_once = max(self.most_at_once, self.in_flight)
        self.arrived.release()
        await self.release.wait()
        self.in_flight -= 1
        return web.Response(body=rss({"link": "https://x.example/1"}).encode())

    def let_go(self) -> None:
        self.site.loop.call_soon_threadsafe(self.release.set)


def test_a_host_at_its_limit_leaves_the_global_slots_to_the_other_hosts(site: FeedSite) -> None:
    """Two global slots, one per host: while host A's first feed hangs, its second waits for
    A's slot, not for a global one, so host B's feed is fetched at once; A never gets two."""
    with feed_site() as other:
        held = HeldSite(site, "/held.rss")
        other.feed("/b.rss", rss({"link": "https://x.example/b"}))
        guard = SSRFGuard(f"127.0.0.1:{site.port},127.0.0.1:{other.port}")

        async def run() -> None:
            fetcher = FeedFetcher(
                guard, user_agent="t", timeout=30, global_limit=2, per_host_limit=1
            )
            async with fetcher:
                first = asyncio.ensure_future(fetcher.fetch(site.url("/held.rss")))
                second = asyncio.ensure_future(fetcher.fetch(site.url("/held.rss")))
                await asyncio.to_thread(held.arrived.acquire, timeout=10)
                b = await asyncio.wait_for(fetcher.fetch(other.url("/b.rss")), 10)
                assert b.status == 200 and not first.done() and not second.done()
                held.let_go()
                assert [r.status for r in await asyncio.gather(first, second)] == [200, 200]

        asyncio.run(run())
        assert held.most_at_once == 1  # the politeness limit per host still holds


def test_the_oldest_posts_beyond_the_limit_go_pinned_ones_stay(
    app: FastAPI, feed: Feed, site: FeedSite, settings: Settings
) -> None:
    day = "{:02d} Nov 2026 10:00:00 GMT"
    old = [{"link": f"https://blog.example/{n}", "date": "Mon, " + day.format(n)} for n in (1, 2)]
    site.feed("/a.rss", rss(*old))
    publish(app, feed, "p1", account(site.url("/a.rss")))
    small = settings.model_copy(update={"feed_max_items": 2})
    refresh(app, small)
    with app.state.sessionmaker() as session, session.begin():
        session.execute(
            update(FeedItem).where(FeedItem.link == "https://blog.example/1").values(pinned=True)
        )
    new = [{"link": f"https://blog.example/{n}", "date": "Mon, " + day.format(n)} for n in (3, 4)]
    site.feed("/a.rss", rss(*new))
    make_due(app)
    refresh(app, small)
    kept = sorted(i.link or "" for i in items(app))
    assert kept == [f"https://blog.example/{n}" for n in (1, 3, 4)]  # 2 went, pinned 1 stayed


def test_a_batch_with_a_failing_write_keeps_the_others_posts(
    app: FastAPI, feed: Feed, site: FeedSite
) -> None:
    publish(app, feed, "p1", account(site.url("/a.rss")), account(site.url("/b"), handle="b"))
    with app.state.sessionmaker() as session, session.begin():
        tasks = FeedRepository.from_session(session).lease_due("w1", utcnow(), 10, 120)
    now = utcnow()
    post = ItemData(
        "g1", "https://blog.example/1", "Kept", "<p>x</p>", None, now - timedelta(hours=1), now,
        [], True,
    )  # fmt: skip
    fine = FeedUpdate(task=tasks[0], owner="w1", values={"http_status": 200}, items=[post])
    broken = FeedUpdate(task=tasks[1], owner="w1", values={"no_such_column": 1})
    stats = RoundStats()
    write_all(app.state.sessionmaker, [fine, broken], stats)
    assert (stats.written, stats.failed) == (1, 1)
    assert [i.title for i in items(app)] == ["Kept"]
