"""The data a refresh round carries between the database and the network (no session held)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from relais_common.db import new_id

if TYPE_CHECKING:
    from relais_aggregator.feeds.models import Feed


@dataclass(frozen=True)
class FeedTask:
    """A leased feed, detached from the session that leased it."""

    id: str
    person_id: str
    url: str
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    failures: int
    interval_seconds: int
    filters: dict[str, Any]

    @classmethod
    def of(cls, feed: Feed) -> FeedTask:
        return cls(
            id=feed.id,
            person_id=feed.person_id,
            url=feed.url,
            etag=feed.etag,
            last_modified=feed.last_modified,
            body_hash=feed.body_hash,
            failures=feed.failures,
            interval_seconds=feed.interval_seconds,
            filters=dict(feed.filters or {}),
        )


@dataclass(frozen=True)
class ItemData:
    guid: str
    link: str | None
    title: str
    summary_html: str
    content_html: str | None
    published_at: datetime
    first_seen_at: datetime
    categories: list[str]
    matches_filters: bool

    CHANGED: ClassVar[tuple[str, ...]] = (
        "title", "summary_html", "content_html", "categories", "matches_filters",
    )  # fmt: skip

    def changes(self) -> dict[str, Any]:
        """What a new fetch may change on a known post (dates, flags and first-seen stay)."""
        return {key: getattr(self, key) for key in self.CHANGED}

    def row(self, task: FeedTask) -> dict[str, Any]:
        return {
            "id": new_id(),
            "feed_id": task.id,
            "person_id": task.person_id,
            "guid": self.guid,
            "link": self.link,
            "published_at": self.published_at,
            "first_seen_at": self.first_seen_at,
            "hidden_by_owner": False,
            "hidden_by_admin": False,
            "pinned": False,
            **self.changes(),
        }


@dataclass
class FeedUpdate:
    """What to write on the feed row, and the posts to merge (None: unchanged)."""

    task: FeedTask
    owner: str
    values: dict[str, Any]
    items: list[ItemData] | None = None
    max_items: int = 50
    summary: str = field(default="")

    @property
    def feed_id(self) -> str:
        return self.task.id
