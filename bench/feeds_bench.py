"""Refreshing 1,000 feeds through the real job round (lease, fetch, parse, sanitise, write).

A local feed server (aiohttp.web, its own process) listens on 50 loopback addresses
(127.0.0.2-51, one port: the SSRF guard allows exactly that port of 127.0.0.0/8); each answer
takes 100-300 ms (1 % take 3 s) and carries a 20-item RSS feed with an ETag. The aggregator's
round runs on a migrated SQLite file at concurrency 100 (8 per host):
- cold: every feed fetched, parsed, sanitised and written;
- warm: every feed due again, all answer 304 to the conditional GET;
- hostile: 900 healthy feeds (304) with 100 hostile ones (200, 301, 404, 500, 429 with
  Retry-After, slow, endless, oversized, gzip bomb, broken XML) at a 5 s timeout, started in
  the round's order: when the last healthy feed was done, and when the last hostile one was;
- parse: one 20-item feed, fastfeedparser (the pick) and feedparser (the fallback);
- sanitise: 2.5 KB of a post's HTML through feeds.sanitize (nh3 + the rewrites).

    python bench/feeds_bench.py [--feeds 1000] [--concurrency 100]

Last line:
    BENCH feeds cold_s= warm_s= cold_cpu_ms= warm_cpu_ms= peak_mb= parse_ms= sanitize_us=
        hostile_healthy_s= hostile_round_s=
(cold_cpu_ms and warm_cpu_ms: CPU per feed of each pass, this process, every thread.)
Targets: cold and warm <= 4.5 s, peak <= 300 MB, parse <= 1 ms, sanitise <= 50 us. Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import io
import multiprocessing
import random
import resource
import socket
import sys
import tempfile
import time
from pathlib import Path

import feedparser
from aiohttp import web
from relais_aggregator.config import Settings
from relais_aggregator.feeds import images
from relais_aggregator.feeds.fetcher import FeedFetcher
from relais_aggregator.feeds.jobs import fetcher_of, policy_of, refresh_round, spread_by_host
from relais_aggregator.feeds.models import Feed
from relais_aggregator.feeds.parse import parse_feed
from relais_aggregator.feeds.repository import FeedRepository
from relais_aggregator.feeds.sanitize import sanitize
from relais_aggregator.feeds.work import FeedTask
from relais_common.db import make_engine, make_sessionmaker, utcnow
from relais_common.migrations import upgrade
from sqlalchemy import update

ROOT = Path(__file__).resolve().parents[1]
HOSTS = [f"127.0.0.{n}" for n in range(2, 52)]
POST_HTML = (
    '<p>Cloud <a href="/tags/security">security</a> is a <em>shared</em> job. '
    + "Our teams learned a lot while moving the build farm to the new region. " * 6
    + '</p><p><img src="/images/diagram.png" alt="diagram" width="640" height="320"></p>'
    + "<ul><li>least privilege</li><li>short-lived credentials</li><li>audit logs</li></ul>"
    + '<p><img src="https://pixel.wp.com/g.gif" width="1" height="1">'
    + "Read the whole story on the blog, with the numbers and the scripts we used. " * 12
    + '<script>track()</script><a href="https://example.org/more" onclick="x()">more</a></p>'
)


def rss(n: int, items: int = 20) -> bytes:
    entries = "".join(
        f"<item><title>Post {n}-{i}</title><link>https://blog{n}.example/p/{i}</link>"
        f"<guid>https://blog{n}.example/p/{i}</guid>"
        f"<pubDate>Mon, {1 + i % 28:02d} Nov 2026 10:00:00 GMT</pubDate>"
        f"<category>cloud</category><description><![CDATA[{POST_HTML[:600]}]]></description></item>"
        for i in range(items)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Blog {n}'
        f"</title><link>https://blog{n}.example/</link>{entries}</channel></rss>"
    ).encode()


# The feed server (its own process) -----------------------------------------------------------
def serve(port: int, ready: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    bodies: dict[int, bytes] = {}
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)

    async def healthy(request: web.Request) -> web.StreamResponse:
        n = int(request.match_info["n"])
        await asyncio.sleep(3.0 if n % 100 == 0 else random.uniform(0.1, 0.3))
        etag = f'"v{n}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        body = bodies.setdefault(n, rss(n))
        return web.Response(
            body=body, headers={"ETag": etag, "Content-Type": "application/rss+xml"}
        )

    async def hostile(request: web.Request) -> web.StreamResponse:
        kind = request.match_info["kind"]
        n = int(request.match_info["n"])
        await asyncio.sleep(random.uniform(0.1, 0.3))
        if kind == "ok":
            return web.Response(body=rss(n), headers={"Content-Type": "application/rss+xml"})
        if kind == "moved":
            return web.Response(status=301, headers={"Location": f"/h/ok/{n}.xml"})
        if kind in ("404", "500"):
            return web.Response(status=int(kind), text="no")
        if kind == "429":
            return web.Response(status=429, headers={"Retry-After": "3600"})
        if kind == "slow":
            await asyncio.sleep(60)
            return web.Response(text="late")
        if kind == "broken":
            return web.Response(body=b"<rss><channel><item><title>never", content_type="text/xml")
        if kind == "bomb":
            return web.Response(body=bomb, headers={"Content-Encoding": "gzip"})
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await response.prepare(request)
        chunk = b"<item><title>more</title></item>" * 2000
        try:
            for _ in range(100_000 if kind == "endless" else 300):  # oversized: about 19 MB
                await response.write(chunk)
        except (ConnectionError, RuntimeError):
            pass
        return response

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/f/{n}.xml", healthy)
        app.router.add_get("/h/{kind}/{n}.xml", hostile)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        for host in HOSTS:
            await web.TCPSite(runner, host, port, backlog=1024, reuse_address=True).start()
        ready.set()
        await asyncio.Event().wait()

    asyncio.run(main())


# The aggregator side ---------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def feed_url(port: int, i: int) -> str:
    """20 feeds a host, so the 1 % of slow feeds (every 100th) fall on different hosts."""
    return f"http://{HOSTS[(i // 20) % 50]}:{port}/f/{i}.xml"


def settings_for(db_url: str, port: int, concurrency: int, feeds: int) -> Settings:
    return Settings(
        database_url=db_url,
        env="development",
        run_workers=False,
        ssrf_allowed_networks=f"127.0.0.0/8:{port}",
        feed_concurrency=concurrency,
        feed_per_host=8,
        feed_batch=feeds + 200,
    )


def add_feeds(sessions: object, urls: list[str]) -> None:
    now = utcnow()
    with sessions() as session, session.begin():  # type: ignore[operator]
        repo = FeedRepository.from_session(session)
        for i, url in enumerate(urls):
            repo.add(f"person-{i}", "blog", url, url, now)


def all_due(sessions: object) -> None:
    with sessions() as session, session.begin():  # type: ignore[operator]
        session.execute(update(Feed).values(next_attempt_at=utcnow()))


async def one_round(
    sessions: object, settings: Settings, fetcher: FeedFetcher
) -> tuple[float, float]:
    """Wall seconds of the round, and the CPU milliseconds it cost per feed (this process,
    every thread: the event loop, the writer; the feed server is another process)."""
    started, cpu = time.perf_counter(), time.process_time()
    stats = await refresh_round(sessions, fetcher, settings, owner="bench")  # type: ignore[arg-type]
    took, cpu_ms = time.perf_counter() - started, (time.process_time() - cpu) * 1000
    print(f"  round: leased={stats.leased} written={stats.written} failed={stats.failed} "
          f"{took:.2f} s, cpu {cpu_ms / 1000:.2f} s")  # fmt: skip
    return took, cpu_ms / max(stats.leased, 1)


async def cold_and_warm(sessions: object, settings: Settings) -> tuple[float, ...]:
    """Both passes with one fetcher, as the job keeps one for all its rounds."""
    async with fetcher_of(settings) as fetcher:
        cold, cold_cpu = await one_round(sessions, settings, fetcher)
        await asyncio.to_thread(all_due, sessions)
        warm, warm_cpu = await one_round(sessions, settings, fetcher)
    return cold, cold_cpu, warm, warm_cpu


async def hostile_pass(settings: Settings, port: int, feeds: int) -> tuple[float, float]:
    """Healthy and hostile feeds fetched together (fetcher only, 5 s timeout), started in the
    order a round starts them (spread_by_host over both)."""
    kinds = ["ok", "moved", "404", "500", "429", "slow", "endless", "oversized", "bomb", "broken"]
    hostile = [f"http://{HOSTS[i % 50]}:{port}/h/{kinds[i % 10]}/{i}.xml" for i in range(100)]
    healthy = [feed_url(port, i) for i in range(feeds - 100)]
    order = spread_by_host(
        [FeedTask(u, "", u, None, None, None, 0, 0, {}) for u in healthy + hostile]
    )
    quick = settings.model_copy(update={"feed_timeout_seconds": 5.0})
    started = time.perf_counter()
    async with fetcher_of(quick) as fetcher:
        etags = {u: f'"v{i}"' for i, u in enumerate(healthy)}
        fetches = {t.url: asyncio.ensure_future(fetcher.fetch(t.url, etag=etags.get(t.url)))
                   for t in order}  # fmt: skip
        done_healthy = asyncio.gather(*(fetches[u] for u in healthy))
        done_hostile = asyncio.gather(*(fetches[u] for u in hostile))
        results = await done_healthy
        healthy_s = time.perf_counter() - started
        errors = await done_hostile
        round_s = time.perf_counter() - started
    print(f"  hostile: healthy 304s={sum(r.status == 304 for r in results)}/{len(results)} "
          f"in {healthy_s:.2f} s; hostile errors={sum(bool(r.error) for r in errors)}/100, "
          f"all done in {round_s:.2f} s")  # fmt: skip
    return healthy_s, round_s


def parse_figures() -> tuple[float, float]:
    body = rss(7)
    for _ in range(20):
        parse_feed(body, "application/rss+xml")
    runs = 300
    started = time.perf_counter()
    for _ in range(runs):
        parse_feed(body, "application/rss+xml")
    fast_ms = (time.perf_counter() - started) / runs * 1000
    started = time.perf_counter()
    for _ in range(30):
        feedparser.parse(io.BytesIO(body), sanitize_html=False, resolve_relative_uris=False)
    slow_ms = (time.perf_counter() - started) / 30 * 1000
    return fast_ms, slow_ms


def sanitize_us() -> float:
    html = POST_HTML[:2500]
    signer = images.signer("bench-secret")
    for _ in range(200):
        sanitize(html, base="https://blog.example/p/1", image_url=signer)
    runs = 3000
    started = time.perf_counter()
    for _ in range(runs):
        sanitize(html, base="https://blog.example/p/1", image_url=signer)
    return (time.perf_counter() - started) / runs * 1e6


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=100)
    args = parser.parse_args()
    port = free_port()
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(port, ready), daemon=True)
    server.start()
    if not ready.wait(20):
        print("the feed server did not start", file=sys.stderr)
        return 1
    try:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{tmp}/aggregator.db"
            upgrade(ROOT / "services" / "aggregator", url)
            settings = settings_for(url, port, args.concurrency, args.feeds)
            sessions = make_sessionmaker(make_engine(url))
            add_feeds(sessions, [feed_url(port, i) for i in range(args.feeds)])
            policy_of(settings)
            print(f"{args.feeds} feeds, concurrency {args.concurrency}, 8 per host, 50 hosts")
            cold, cold_cpu, warm, warm_cpu = asyncio.run(cold_and_warm(sessions, settings))
            healthy_s, round_s = asyncio.run(hostile_pass(settings, port, args.feeds))
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        fast_ms, slow_ms = parse_figures()
        sanitize_cost = sanitize_us()
        print(f"  parse one 20-item feed: fastfeedparser path {fast_ms:.3f} ms, "
              f"feedparser {slow_ms:.2f} ms ({slow_ms / fast_ms:.0f}x)")  # fmt: skip
    finally:
        server.terminate()
        server.join(5)
    print(
        f"BENCH feeds cold_s={cold:.2f} warm_s={warm:.2f} cold_cpu_ms={cold_cpu:.2f} "
        f"warm_cpu_ms={warm_cpu:.2f} peak_mb={peak_mb:.0f} "
        f"parse_ms={fast_ms:.3f} sanitize_us={sanitize_cost:.1f} "
        f"hostile_healthy_s={healthy_s:.2f} hostile_round_s={round_s:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
