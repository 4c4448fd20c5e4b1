"""Public answers from memory, in front of the rate limit: only what reaches a service is limited.

The public Planet (its pages, feeds and `/api/aggregator/public` JSON) is the same bytes for
every anonymous caller for s-maxage seconds. Behind a CDN or a corporate NAT thousands of
people share one address, and counting their reads against that address's API budget turned
them away with 429s although they cost the services nothing. So a copy answers them here
(`public_cache` says what may be kept and for whom), and the rate limit, further in, bounds
what still reaches a service: a flood of distinct URLs from one address is limited as before,
and each kept URL is fetched once per lifetime however many ask for it. An expired entry is
refilled by one request while the others for the same key wait for it (no stampede).

Copies are not counted against a budget on purpose: refusing one costs the gateway what serving
it does (a 429 took 0.048 ms of CPU, a copy 0.043 ms, `make bench-public`), so a limit would
protect nothing; what bounds one client's flood is the connection limit (`max_connections`)
and each connection being answered in turn, as for the public pages outside /api.

Sits inside the request id, access log and security headers middlewares, so an answer from
memory carries the same request id, log line and security headers as a proxied one.
"""

from __future__ import annotations

import asyncio
import contextlib
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from relais_gateway.public_cache import (
    CONDITIONAL,
    MAX_ENTRY_BYTES,
    Entry,
    Headers,
    PublicCache,
    Request,
    etag_matches,
    request_of,
)


class MicroCacheMiddleware:
    def __init__(
        self, app: ASGIApp, cache: PublicCache, trust_forwarded: bool, wait_seconds: float
    ) -> None:
        self.app = app
        self.cache = cache
        self.trust_forwarded = trust_forwarded
        self.wait_seconds = wait_seconds
        self._filling: dict[tuple[bytes, ...], asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = request_of(scope, self.trust_forwarded) if scope["type"] == "http" else None
        if request is None:
            await self.app(scope, receive, send)
            return
        entry = self.cache.get(request.key)
        if entry is not None and not entry.fresh(time.monotonic()):
            filling = self._filling.get(request.key)
            if filling is not None:  # someone refills it: wait for that answer
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(filling.wait(), self.wait_seconds)
                entry = self.cache.get(request.key)
        now = time.monotonic()
        if entry is not None and entry.fresh(now) and _answerable(entry, request):
            await _serve(entry, request, scope, send, now)
            return
        conditional = request.if_none_match is not None or request.if_modified_since
        # A revalidation fills only a key known to be kept: another answer (a calendar's, say)
        # must keep its own 304s.
        fills = (
            scope["method"] == "GET"
            and request.key not in self._filling
            and (entry is not None or not conditional)
        )
        if not fills:
            await self.app(scope, receive, send)
            return
        self._filling[request.key] = done = asyncio.Event()
        try:
            await self._fill(request, scope, receive, send)
        finally:
            del self._filling[request.key]
            done.set()

    async def _fill(self, request: Request, scope: Scope, receive: Receive, send: Send) -> None:
        """Forward, and keep the answer when it is storable (sent once it is whole).

        A conditional request (a browser's or a CDN's revalidation of an expired copy) is
        forwarded without its conditions, so that the whole answer can be kept, and then
        answered from the copy (304 when its ETag matches), as nginx's proxy_cache does:
        revalidations of a kept URL then reach the service once per lifetime too."""
        conditional = request.if_none_match is not None or request.if_modified_since
        if conditional:
            kept_headers = [h for h in scope["headers"] if h[0] not in CONDITIONAL]
            scope = {**scope, "headers": kept_headers}
        status = 0
        headers: Headers = []
        chunks: list[bytes] = []
        size = 0
        kept: tuple[float, float] | None = None
        passing = False

        async def capture(message: Message) -> None:
            nonlocal status, headers, kept, passing, size
            if passing:
                await send(message)
            elif message["type"] == "http.response.start":
                # a copy: the middlewares outside add their headers to the message they get
                status, headers = message["status"], list(message.get("headers", []))
                kept = self.cache.freshness(status, headers)
                if kept is None:
                    self.cache.drop(request.key)
                    passing = True
                    await send(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                more = message.get("more_body", False)
                if more and size <= MAX_ENTRY_BYTES:
                    return
                passing = True
                body = b"".join(chunks)
                entry = None
                if not more and kept is not None:
                    entry = self.cache.store(request.key, status, headers, body, kept)
                if entry is not None and conditional and _answerable(entry, request):
                    await _serve(entry, request, scope, send, time.monotonic())
                    return
                start = {"type": "http.response.start", "status": status, "headers": list(headers)}
                await send(start)
                await send({"type": "http.response.body", "body": body, "more_body": more})
            else:
                await send(message)

        await self.app(scope, receive, capture)


def _answerable(entry: Entry, request: Request) -> bool:
    """If-Modified-Since alone is for the service to judge when the copy has a Last-Modified."""
    if request.if_modified_since and request.if_none_match is None:
        return not any(name == b"last-modified" for name, _ in entry.headers)
    return True


async def _serve(entry: Entry, request: Request, scope: Scope, send: Send, now: float) -> None:
    headers: Headers
    if request.if_none_match is not None and etag_matches(request.if_none_match, entry.etag):
        status, headers, body = 304, entry.not_modified_headers(), b""
    else:
        status, headers = entry.status, list(entry.headers)
        body = b"" if scope["method"] == "HEAD" else entry.body
    headers.append(entry.age_header(now))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
