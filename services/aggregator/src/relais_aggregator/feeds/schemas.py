"""Feed health and owner controls on the wire."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field
from relais_common.concurrency import etag_of
from relais_common.schemas import RequestModel

from relais_aggregator.feeds.models import Feed, FeedItem

Term = Annotated[str, Field(min_length=1, max_length=80)]


class FeedFilters(BaseModel):
    categories: list[str] = Field(description="Posts with one of these categories show")
    keywords: list[str] = Field(description="...or with one of these words in title or text")


class FeedHealth(BaseModel):
    """One feed as its owner (and an admin) sees it: where it stands, in words."""

    id: str
    person_id: str
    platform: str
    handle: str
    url: str = Field(description="Where Relais reads the feed now (after a 301, the new address)")
    original_url: str
    status: Literal["active", "failing", "retired"]
    http_status: int | None
    last_success_at: datetime | None
    last_error: str | None = Field(description="The last problem, in words")
    last_error_at: datetime | None
    next_attempt_at: datetime | None
    failures: int = Field(description="Failed attempts in a row")
    redirected_from: str | None = Field(description="The address a permanent redirect left")
    redirected_at: datetime | None
    interval_seconds: int
    filters: FeedFilters
    items_count: int
    etag: str = Field(description="Send as If-Match to change the filters")

    @classmethod
    def of(cls, feed: Feed, items_count: int) -> FeedHealth:
        filters = feed.filters or {}
        return cls(
            id=feed.id,
            person_id=feed.person_id,
            platform=feed.platform,
            handle=feed.handle,
            url=feed.url,
            original_url=feed.original_url,
            status=feed.status,
            http_status=feed.http_status,
            last_success_at=feed.last_success_at,
            last_error=feed.last_error,
            last_error_at=feed.last_error_at,
            next_attempt_at=None if feed.status == "retired" else feed.next_attempt_at,
            failures=feed.failures,
            redirected_from=feed.redirected_from,
            redirected_at=feed.redirected_at,
            interval_seconds=feed.interval_seconds,
            filters=FeedFilters(
                categories=list(filters.get("categories") or []),
                keywords=list(filters.get("keywords") or []),
            ),
            items_count=items_count,
            etag=etag_of(feed.id, feed.version),
        )


class FeedFiltersChange(RequestModel):
    categories: Annotated[list[Term], Field(max_length=50)] = []
    keywords: Annotated[list[Term], Field(max_length=50)] = []


class OwnedItem(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    feed_id: str
    guid: str
    link: str | None
    title: str
    summary_html: str = Field(description="Sanitised HTML")
    published_at: datetime
    first_seen_at: datetime
    categories: list[str]
    matches_filters: bool = Field(description="False when the feed's filters leave it out")
    hidden_by_owner: bool
    hidden_by_admin: bool
    pinned: bool

    @classmethod
    def of(cls, item: FeedItem) -> OwnedItem:
        return cls.model_validate(item)


class HiddenChange(RequestModel):
    hidden: bool
