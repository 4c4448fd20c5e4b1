"""A network's calendar as RFC 5545 text (icalendar does the folding and escaping).

Pure: it takes plain values, so the feed is tested without HTTP. Nothing personal goes in: the
entries' own words, the network's name, and the display name of a credited author.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from icalendar import Calendar, Event

PRODID = "-//Relais//Editorial calendar//EN"
UID_DOMAIN = "relais.editorial"
# RFC 5545 STATUS of a VEVENT: TENTATIVE, CONFIRMED or CANCELLED
STATUS = {
    "planned": "TENTATIVE",
    "confirmed": "CONFIRMED",
    "done": "CONFIRMED",
    "cancelled": "CANCELLED",
}


@dataclass(frozen=True)
class FeedEntry:
    id: str
    kind: str
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    status: str
    updated_at: datetime
    theme_slug: str | None = None
    content_url: str | None = None
    credited_name: str | None = None


def entry_uid(entry_id: str) -> str:
    """Stable across renders and renames: calendar apps update the event instead of adding one."""
    return f"{entry_id}@{UID_DOMAIN}"


def _event(entry: FeedEntry) -> Event:
    event = Event()
    event.add("uid", entry_uid(entry.id))
    # DTSTAMP is when this version of the entry was last changed, so an unchanged calendar
    # renders the same bytes (and the same ETag) on every request.
    event.add("dtstamp", entry.updated_at)
    event.add("last-modified", entry.updated_at)
    event.add("dtstart", entry.starts_at)
    event.add("dtend", entry.ends_at)
    event.add("summary", entry.title)
    description = entry.description
    if entry.credited_name:
        description = f"{description}\n\nSuggested by {entry.credited_name}".strip()
    if description:
        event.add("description", description)
    if entry.content_url:
        event.add("url", entry.content_url)
    event.add("categories", [c for c in (entry.kind, entry.theme_slug) if c])
    event.add("status", STATUS.get(entry.status, "TENTATIVE"))
    return event


def render_calendar(network_name: str, entries: Iterable[FeedEntry]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", network_name)
    for entry in sorted(entries, key=lambda e: (e.starts_at, e.id)):
        calendar.add_component(_event(entry))
    body: bytes = calendar.to_ical()
    return body


def strong_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
