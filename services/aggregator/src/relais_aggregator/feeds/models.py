"""The feed registry and its items: what the fetcher keeps of the feeds people consented to show.

A feed exists while its account is public with a feed URL and the person's consent to show
posts; its items go with it (cascade). person_id is no foreign key on purpose: the read model
replaces a person's row on every projection event, which must not wipe their feeds; the feed
sync and the privacy registry remove them explicitly.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from relais_common.db import UTCDateTime, new_id, utcnow
from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
)
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql import ColumnElement

from relais_aggregator.base import Base

FEED_ACTIVE = "active"
FEED_FAILING = "failing"
FEED_RETIRED = "retired"


class Feed(Base):
    __tablename__ = "feed"
    __table_args__ = (
        UniqueConstraint(
            "person_id", "platform", "handle", name="uq_feed_person_id_platform_handle"
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(String(64), index=True)
    platform: Mapped[str] = mapped_column(String(40))
    handle: Mapped[str] = mapped_column(String(300))
    # url is where the fetcher goes now (a 301/308 moves it); original_url what the person gave.
    url: Mapped[str] = mapped_column(String(2000))
    original_url: Mapped[str] = mapped_column(String(2000))
    etag: Mapped[str | None] = mapped_column(String(500), nullable=True)
    last_modified: Mapped[str | None] = mapped_column(String(100), nullable=True)
    body_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default=FEED_ACTIVE)
    http_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    redirected_from: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    redirected_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    interval_seconds: Mapped[int] = mapped_column(Integer, default=3600)
    lease_owner: Mapped[str | None] = mapped_column(String(100), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # {"categories": [...], "keywords": [...]}: empty lists mean every post reaches the page.
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class FeedItem(Base):
    __tablename__ = "feed_item"
    __table_args__ = (
        UniqueConstraint("feed_id", "guid", name="uq_feed_item_feed_id_guid"),
        UniqueConstraint("feed_id", "link", name="uq_feed_item_feed_id_link"),
        Index("ix_feed_item_feed_id_published_at", "feed_id", "published_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    feed_id: Mapped[str] = mapped_column(ForeignKey("feed.id", ondelete="CASCADE"))
    person_id: Mapped[str] = mapped_column(String(64), index=True)
    guid: Mapped[str] = mapped_column(String(1000))
    link: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    summary_html: Mapped[str] = mapped_column(Text, default="")
    content_html: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Never in the future (clamped to the fetch time); the first-seen time when missing.
    published_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    categories: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # False when the owner's filters (categories/keywords of the feed) leave the post out.
    matches_filters: Mapped[bool] = mapped_column(Boolean, default=True)
    hidden_by_owner: Mapped[bool] = mapped_column(Boolean, default=False)
    hidden_by_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)


def shown_on_public_page() -> ColumnElement[bool]:
    """The one rule every public output applies to items: consent is the feed's existence;
    the owner's filters and hiding, and the admins' hiding, are these columns."""
    return and_(
        FeedItem.matches_filters.is_(True),
        FeedItem.hidden_by_owner.is_(False),
        FeedItem.hidden_by_admin.is_(False),
    )
