"""A real HTTP server (aiohttp.web, in a thread) whose answers each test scripts per path."""

from __future__ import annotations

import asyncio
import gzip
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class FeedSite:
    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.seen: list[tuple[str, dict[str, str]]] = []
        self.loop = asyncio.new_event_loop()
        self.port = 0
        self._ready = threading.Event()
        self._runner: web.AppRunner | None = None
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self._start())
        self._ready.set()
        self.loop.run_forever()

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert isinstance(server, asyncio.Server)  # a TCP site's server
        self.port = server.sockets[0].getsockname()[1]

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        self.seen.append((request.path, dict(request.headers)))
        handler = self.routes.get(request.path)
        if handler is None:
            return web.Response(status=404, text="not found")
        return await handler(request)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requests_to(self, path: str) -> list[dict[str, str]]:
        return [headers for seen, headers in self.seen if seen == path]

    # Scripted answers -----------------------------------------------------------------
    def feed(
        self,
        path: str,
        body: bytes | str,
        *,
        content_type: str = "application/rss+xml",
        etag: str | None = None,
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> None:
        data = body.encode() if isinstance(body, str) else body

        async def answer(request: web.Request) -> web.StreamResponse:
            if etag and request.headers.get("If-None-Match") == etag:
                return web.Response(status=304, headers={"ETag": etag})
            extra = {"ETag": etag} if etag else {}
            return web.Response(
                status=status,
                body=data,
                headers={"Content-Type": content_type, **extra, **(headers or {})},
            )

        self.routes[path] = answer

    def status(self, path: str, status: int, headers: dict[str, str] | None = None) -> None:
        async def answer(request: web.Request) -> web.StreamResponse:
            return web.Response(status=status, text="no", headers=headers or {})

        self.routes[path] = answer

    def redirect(self, path: str, location: str, status: int = 301) -> None:
        self.status(path, status, {"Location": location})

    def slow(self, path: str, seconds: float) -> None:
        async def answer(request: web.Request) -> web.StreamResponse:
            await asyncio.sleep(seconds)
            return web.Response(text="late")

        self.routes[path] = answer

    def endless(self, path: str, *, pause: float = 0.0) -> None:
        async def answer(request: web.Request) -> web.StreamResponse:
            response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
            await response.prepare(request)
            await response.write(b"<rss><channel>")
            try:
                while True:
                    await response.write(b"<item><title>again</title></item>" * 100)
                    await asyncio.sleep(pause)
            except (ConnectionError, RuntimeError):
                pass
            return response

        self.routes[path] = answer

    def gzip_bomb(self, path: str, size: int) -> None:
        bomb = gzip.compress(b"\0" * size, compresslevel=9)

        async def answer(request: web.Request) -> web.StreamResponse:
            return web.Response(
                body=bomb,
                headers={"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"},
            )

        self.routes[path] = answer

    def stop(self) -> None:
        async def _stop() -> None:
            if self._runner is not None:
                await self._runner.cleanup()

        asyncio.run_coroutine_threadsafe(_stop(), self.loop).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


@contextmanager
def feed_site() -> Iterator[FeedSite]:
    site = FeedSite()
    site.thread.start()
    site._ready.wait(5)
    try:
        yield site
    finally:
        site.stop()


def rss(*items: dict[str, Any], link: str = "https://blog.example/") -> str:
    parts = []
    for item in items:
        cats = "".join(f"<category>{c}</category>" for c in item.get("categories", []))
        date = f"<pubDate>{item['date']}</pubDate>" if item.get("date") else ""
        parts.append(
            f"<item><title>{item.get('title', 'A post')}</title><link>{item['link']}</link>"
            f"<guid>{item.get('guid', item['link'])}</guid>{date}{cats}"
            f"<description>{item.get('html', '')}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Blog</title>'
        f"<link>{link}</link>{''.join(parts)}</channel></rss>"
    )
