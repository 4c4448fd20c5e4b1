"""Feed discovery for a blog: fetch the page through the SSRF guard and read its
``<link rel="alternate">`` tags, or recognise that the address is itself a feed.

Asynchronous, through :class:`FetchSlots`: the caller holds no thread and no database
connection while a remote site takes its time.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import urljoin

import aiohttp
from relais_common.outgoing import FetchSlots
from relais_common.ssrf import DEFAULT_MAX_BYTES, FetchResult, UnsafeURLError

from relais_ambassadors.platforms.model import InvalidHandle

FETCH_TIMEOUT = 5.0
MAX_PAGE_BYTES = DEFAULT_MAX_BYTES
XML_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml"})
JSON_FEED_TYPES = frozenset({"application/feed+json", "application/json"})
REFUSED = "This address points to a private or reserved network and cannot be used."


class _FeedLinks(HTMLParser):
    """Collects ``<base href>`` and the feed ``<link rel="alternate">`` tags, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.xml_feeds: list[str] = []
        self.json_feeds: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "") for name, value in attrs}
        href = values.get("href", "").strip()
        if tag == "base" and href and self.base is None:
            self.base = href
        if tag != "link" or not href:
            return
        if "alternate" not in values.get("rel", "").lower().split():
            return
        kind = values.get("type", "").split(";", 1)[0].strip().lower()
        if kind in XML_FEED_TYPES:
            self.xml_feeds.append(href)
        elif kind in JSON_FEED_TYPES:
            self.json_feeds.append(href)


async def discover_feed(url: str, *, slots: FetchSlots) -> str | None:
    """The feed URL of the page at ``url``, or None when it has none.

    Raises :class:`InvalidHandle` when the site is refused by the guard or cannot be read,
    ``ServiceUnavailable`` when every fetch slot is taken.
    """
    page = await _fetch_page(url, slots)
    if is_feed(page):
        return page.url
    links = _FeedLinks()
    links.feed(page.text())
    links.close()
    base = urljoin(page.url, links.base) if links.base else page.url
    for href in links.xml_feeds + links.json_feeds:  # Atom/RSS first, then JSON Feed
        candidate = urljoin(base, href)
        try:  # stored to be fetched later: its host name is resolved and checked now too
            await slots.guard.check_resolved(candidate, timeout=slots.timeout)
        except UnsafeURLError:
            continue  # a feed we may not fetch is no feed for Relais
        return candidate
    return None


def is_feed(page: FetchResult) -> bool:
    kind = page.content_type.split(";", 1)[0].strip().lower()
    if kind in XML_FEED_TYPES or kind == "application/feed+json":
        return True
    if kind in ("application/xml", "text/xml") or kind.endswith(("+xml", "/rss")):
        return kind != "application/xhtml+xml"
    head = page.body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<rss", b"<feed")):
        return True
    if head.startswith(b"<?xml"):
        return b"<html" not in head
    return kind == "application/json" and _is_json_feed(page.body)


def _is_json_feed(body: bytes) -> bool:
    try:
        data = json.loads(body)
    except ValueError:
        return False
    version = data.get("version") if isinstance(data, dict) else None
    return isinstance(version, str) and version.startswith("https://jsonfeed.org/version/")


async def _fetch_page(url: str, slots: FetchSlots) -> FetchResult:
    try:
        page = await slots.fetch(url, max_bytes=MAX_PAGE_BYTES)
    except UnsafeURLError as exc:
        raise InvalidHandle(_refusal(str(exc))) from exc
    except (TimeoutError, aiohttp.ClientError, OSError) as exc:
        raise InvalidHandle(f"We could not reach this site: {_failure(exc, slots)}.") from exc
    if page.status >= 400:
        raise InvalidHandle(
            f"We could not reach this site: it answered with HTTP error {page.status}."
        )
    return page


def _failure(exc: BaseException, slots: FetchSlots) -> str:
    if isinstance(exc, TimeoutError):
        return f"it did not answer within {slots.timeout:g} seconds"
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return "its name was not found"
    if isinstance(exc, aiohttp.ClientConnectorError):
        return "the connection was refused"
    return "the connection failed"


def _refusal(reason: str) -> str:
    """The guard says why in plain words; only address refusals get the fixed sentence."""
    if "larger than" in reason:
        mb = MAX_PAGE_BYTES // (1024 * 1024)
        return f"We could not read this site: the page is larger than {mb} MB."
    if "private or reserved" in reason:
        return REFUSED
    return f"We could not reach this site: {reason}."
