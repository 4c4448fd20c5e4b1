"""Bytes to items: charset detection, entity refusal, fastfeedparser first, feedparser after.

Parsers only ever get bytes (a string that looks like a URL would make fastfeedparser fetch it,
past the SSRF guard). A document that declares XML entities is refused before any parser sees
it: that is how billion-laughs and external-entity (XXE) feeds look; lxml also runs with
``resolve_entities=False`` and no network inside fastfeedparser. An external DOCTYPE (RSS 0.91)
is accepted and never loaded.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import fastfeedparser
import feedparser

log = logging.getLogger("relais.aggregator.feeds")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"'][^>]*\?>")
_XML_DECL_ANY = re.compile(r"^\s*<\?xml[^>]*\?>")
_CHARSET = re.compile(r"charset\s*=\s*\"?([A-Za-z0-9._-]+)", re.I)
_ENTITY_DECL = re.compile(r"<!ENTITY", re.I)


class FeedUnreadable(Exception):
    """Not a feed Relais can read; the message is in words, for the owner."""


@dataclass
class ParsedItem:
    guid: str
    link: str | None
    title: str
    summary_html: str
    content_html: str | None
    published_at: datetime | None
    categories: list[str] = field(default_factory=list)
    base: str | None = None


@dataclass
class ParsedFeed:
    site_url: str | None
    items: list[ParsedItem]


def detect_charset(body: bytes, content_type: str) -> tuple[str, int]:
    """The encoding and how many BOM bytes to skip: BOM, then HTTP charset, then the XML
    declaration, then UTF-8 (windows-1252 when the bytes are not UTF-8)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name, len(bom)
    if header := _CHARSET.search(content_type):
        name = header.group(1).lower()
        if _known(name):
            return name, 0
    if declared := _XML_DECL.match(body[:200]):
        name = declared.group(1).decode("ascii").lower()
        if _known(name):
            return name, 0
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return "windows-1252", 0
    return "utf-8", 0


def _known(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def decode(body: bytes, content_type: str) -> str:
    encoding, skip = detect_charset(body, content_type)
    return body[skip:].decode(encoding, errors="replace")


def parse_feed(body: bytes, content_type: str = "") -> ParsedFeed:
    """Raises :class:`FeedUnreadable` with the reason in words."""
    text = decode(body, content_type).lstrip()
    if not text:
        raise FeedUnreadable("the feed is empty")
    if text.startswith(("{", "[")):
        data = text.encode("utf-8")
    else:
        if _ENTITY_DECL.search(text):
            raise FeedUnreadable("the feed declares XML entities, which Relais refuses to read")
        # The text is Unicode now: say so, whatever the original declaration claimed.
        text = _XML_DECL_ANY.sub("", text, count=1)
        data = b'<?xml version="1.0" encoding="utf-8"?>\n' + text.encode("utf-8")
    try:
        return _from_fastfeedparser(fastfeedparser.parse(data))
    except Exception as exc:  # any failure of the fast parser: the lenient one tries
        log.debug("fastfeedparser failed (%s), trying feedparser", exc)
    return _from_feedparser(data)


def _from_fastfeedparser(parsed: Any) -> ParsedFeed:
    feed = parsed.get("feed") or {}
    items = [
        _item(entry, _first_date(entry.get("published"), entry.get("updated")))
        for entry in parsed.get("entries") or []
    ]
    return ParsedFeed(site_url=feed.get("link"), items=[i for i in items if i is not None])


def _from_feedparser(data: bytes) -> ParsedFeed:
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries and not parsed.get("version"):  # no RSS, Atom or JSON Feed recognised
        raise FeedUnreadable("the feed is not valid RSS, Atom or JSON Feed")
    items = []
    for entry in entries:
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        moment = datetime(*stamp[:6]).replace(tzinfo=UTC) if stamp else None
        items.append(_item(entry, moment))
    site = (parsed.get("feed") or {}).get("link")
    return ParsedFeed(site_url=site, items=[i for i in items if i is not None])


def _item(entry: Any, published: datetime | None) -> ParsedItem | None:
    link = _text(entry.get("link")) or None
    contents = entry.get("content") or []
    content = _text(contents[0].get("value")) if contents else ""
    summary = _text(entry.get("description") or entry.get("summary")) or content
    guid = _text(entry.get("id")) or link
    title = _text(entry.get("title"))
    if not guid:
        if not (title or summary):
            return None
        digest = hashlib.sha256(f"{title}\n{summary}".encode()).hexdigest()[:32]
        guid = f"untitled:{digest}"
    base = _text(contents[0].get("base")) if contents else ""
    tags = [_text(t.get("term") or t.get("label")) for t in entry.get("tags") or []]
    return ParsedItem(
        guid=guid[:1000],
        link=link[:2000] if link else None,
        title=title,
        summary_html=summary,
        content_html=content if content and content != summary else None,
        published_at=published,
        categories=[t for t in dict.fromkeys(tags) if t][:20],
        base=base or None,
    )


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _first_date(*values: Any) -> datetime | None:
    for value in values:
        if isinstance(value, str) and value:
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                continue
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return None
