"""The polite fetcher: one shared aiohttp session, every address through the SSRF guard.

Conditional GET (ETag, Last-Modified); redirects followed by hand, each target checked again,
permanent ones (301/308) reported so the stored URL moves; a total timeout per feed that
covers slow and endless bodies; a cap on the bytes read and on the bytes decompressed (a
gzip or brotli bomb stops at the cap); per-host and global limits on the connections.
The outcome is plain data: the caller writes it to the database after the fetch.
"""

from __future__ import annotations

import asyncio
import time
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

import aiohttp
import brotli
from relais_common.db import utcnow
from relais_common.ssrf import SSRFGuard, UnsafeURLError, guarded_connector
from yarl import URL

MAX_REDIRECTS = 5
REMEMBERED = 100_000  # URLs whose last fetch time a fetcher keeps (about 10 MB at most)
PERMANENT = (301, 308)
TEMPORARY = (302, 303, 307)
CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchOutcome:
    """What one fetch learned. ``error`` is in words, for the feed's owner."""

    url: str
    status: int | None = None
    body: bytes | None = None
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None  # the last URL reached through permanent redirects only
    retry_after: float | None = None
    error: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class _HostSlot:
    semaphore: asyncio.Semaphore
    users: int = 0


def host_of(url: str) -> str:
    """The host and port a URL connects to, as the politeness limit counts hosts."""
    try:
        parts = urlsplit(url)
        return f"{(parts.hostname or '').lower()}:{parts.port or parts.scheme}"
    except ValueError:  # a port that is no number: check_url refuses the URL itself
        return ""


class FeedRefused(Exception):
    """The body is over the cap (read or decompressed: reading stopped there), or unreadable."""


class FeedFetcher:
    """Use as ``async with FeedFetcher(...) as fetcher: await fetcher.fetch(...)``."""

    def __init__(
        self,
        guard: SSRFGuard,
        *,
        user_agent: str,
        timeout: float = 20.0,
        max_bytes: int = 5 * 1024 * 1024,
        global_limit: int = 100,
        per_host_limit: int = 8,
    ) -> None:
        self.guard = guard
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.global_limit = global_limit
        self.per_host_limit = per_host_limit
        self._http: aiohttp.ClientSession | None = None
        self._slots = asyncio.Semaphore(global_limit)
        self._hosts: dict[str, _HostSlot] = {}
        self._took: dict[str, float] = {}

    async def __aenter__(self) -> Self:
        connector = guarded_connector(
            self.guard,
            limit=self.global_limit,
            limit_per_host=self.per_host_limit,
            ttl_dns_cache=60,
        )
        self._http = aiohttp.ClientSession(
            connector=connector,
            auto_decompress=False,  # decompressed here, counting bytes
            timeout=aiohttp.ClientTimeout(total=None, sock_connect=self.timeout),
            headers={"User-Agent": self.user_agent},
        )
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._http is not None:
            await self._http.close()
            self._http = None

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchOutcome:
        """Never raises for what a remote site does: the outcome says what went wrong.

        A feed first waits for a slot of its host, then for one of the global slots: a feed
        queued behind its host's others holds no global slot (it held one before, idle, and
        8 feeds of one host could leave the other hosts 92 slots of 100). The timeout starts
        once both are ours: a feed waiting behind the others is not the site's slowness. The
        connector's own per-host limit stays, for redirects to another host."""
        async with self._host_slot(url), self._slots:
            started = time.monotonic()
            outcome = await self._timed(url, etag, last_modified)
            self._remember(url, time.monotonic() - started)
            return outcome

    def last_took(self, url: str) -> float | None:
        """Seconds the last fetch of ``url`` by this fetcher took (slots taken), if any."""
        return self._took.get(url)

    def _remember(self, url: str, seconds: float) -> None:
        self._took.pop(url, None)
        self._took[url] = seconds
        if len(self._took) > REMEMBERED:
            del self._took[next(iter(self._took))]  # the least recently fetched

    @asynccontextmanager
    async def _host_slot(self, url: str) -> AsyncIterator[None]:
        key = host_of(url)
        slot = self._hosts.get(key)
        if slot is None:
            slot = self._hosts[key] = _HostSlot(asyncio.Semaphore(self.per_host_limit))
        slot.users += 1
        try:
            async with slot.semaphore:
                yield
        finally:
            slot.users -= 1
            if not slot.users:  # no feed of this host left: the dict stays small
                del self._hosts[key]

    async def _timed(self, url: str, etag: str | None, last_modified: str | None) -> FetchOutcome:
        try:
            async with asyncio.timeout(self.timeout):
                return await self._follow(url, etag, last_modified)
        except TimeoutError:
            return FetchOutcome(
                url, error=f"the site did not answer within {self.timeout:g} seconds"
            )
        except UnsafeURLError as exc:
            return FetchOutcome(url, error=f"refused for safety: {exc}")
        except FeedRefused as exc:
            return FetchOutcome(url, error=str(exc))
        except aiohttp.ClientError as exc:
            return FetchOutcome(url, error=f"the site could not be reached ({_reason(exc)})")
        except OSError as exc:
            return FetchOutcome(url, error=f"the site could not be reached ({exc.strerror})")

    async def _follow(self, url: str, etag: str | None, last_modified: str | None) -> FetchOutcome:
        assert self._http is not None, "use FeedFetcher as an async context manager"
        current = self.guard.check_url(url)
        moved_to: str | None = None
        permanent_so_far = True
        headers = {
            "Accept": "application/atom+xml, application/rss+xml, application/feed+json,"
            " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
            "Accept-Encoding": "gzip, deflate, br",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _ in range(MAX_REDIRECTS + 1):
            async with self._http.get(current, allow_redirects=False, headers=headers) as resp:
                location = resp.headers.get("Location")
                if resp.status in PERMANENT + TEMPORARY and location:
                    target = self.guard.check_url(str(current.join(URL(location))))
                    permanent_so_far = permanent_so_far and resp.status in PERMANENT
                    if permanent_so_far:
                        moved_to = str(target)
                    current = target
                    continue
                body = None
                if resp.status == 200:
                    body = await self._read(resp)
                return FetchOutcome(
                    url=str(current),
                    status=resp.status,
                    body=body,
                    content_type=resp.headers.get("Content-Type", ""),
                    etag=resp.headers.get("ETag"),
                    last_modified=resp.headers.get("Last-Modified"),
                    moved_to=moved_to,
                    retry_after=retry_after_seconds(resp.headers.get("Retry-After")),
                )
        raise UnsafeURLError(f"more than {MAX_REDIRECTS} redirects")

    async def _read(self, resp: aiohttp.ClientResponse) -> bytes:
        encoding = resp.headers.get("Content-Encoding", "identity").strip().lower()
        decoder = _Decoder(encoding, self.max_bytes)
        raw = 0
        async for chunk in resp.content.iter_chunked(CHUNK):
            raw += len(chunk)
            if raw > self.max_bytes:
                raise FeedRefused(f"the feed is larger than {_mb(self.max_bytes)}: not read")
            decoder.feed(chunk)
        return decoder.finish()


class _Decoder:
    """Decompresses as the bytes arrive and stops as soon as the output passes ``limit``."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0
        self.encoding = encoding
        self.brotli: brotli.Decompressor | None = None
        self.zlib: zlib._Decompress | None = None
        if encoding in ("gzip", "x-gzip"):
            self.zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "br":
            self.brotli = brotli.Decompressor()
        elif encoding not in ("identity", "", "deflate"):
            raise FeedRefused(f"the feed is sent in an unknown encoding ({encoding[:40]})")

    def feed(self, chunk: bytes) -> None:
        try:
            self._feed(chunk)
        except (zlib.error, brotli.error) as exc:
            raise FeedRefused("the feed's compressed data is damaged") from exc

    def _feed(self, chunk: bytes) -> None:
        if self.encoding == "deflate" and self.zlib is None:
            # "deflate" should carry the zlib header (RFC 1950); some servers send it raw.
            self.zlib = zlib.decompressobj(zlib.MAX_WBITS if _zlib_header(chunk) else -15)
        if self.zlib is not None:
            data = chunk
            while data:
                self._add(self.zlib.decompress(data, self.limit - self.size + 1))
                data = self.zlib.unconsumed_tail
        elif self.brotli is not None:
            room = self.limit - self.size + 1
            self._add(self.brotli.process(chunk, output_buffer_limit=room))
            while not self.brotli.can_accept_more_data():
                self._add(self.brotli.process(b"", output_buffer_limit=self.limit - self.size + 1))
        else:
            self._add(chunk)

    def _add(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise FeedRefused(
                f"the feed decompresses to more than {_mb(self.limit)}: stopped there"
            )
        self.parts.append(data)

    def finish(self) -> bytes:
        if self.zlib is not None:
            self._add(self.zlib.flush())
        return b"".join(self.parts)


def _zlib_header(chunk: bytes) -> bool:
    return len(chunk) >= 2 and chunk[0] & 0x0F == 8 and (chunk[0] << 8 | chunk[1]) % 31 == 0


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After in seconds, from a number of seconds or an HTTP-date (RFC 9110 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        return None
    return max(0.0, (moment - utcnow()).total_seconds())


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def _reason(exc: aiohttp.ClientError) -> str:
    if isinstance(exc, aiohttp.ClientConnectorError):
        return exc.os_error.strerror or "connection refused"
    if isinstance(exc, aiohttp.ClientPayloadError):
        return "the answer was cut off"
    if isinstance(exc, aiohttp.ClientResponseError):
        return exc.message
    return type(exc).__name__
