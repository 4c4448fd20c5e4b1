"""Message grids: per calendar entry, the variants people will share, per platform and language.

A variant's ``text`` never holds the network's disclosure: it is appended when read and counted
(grids/service.py ``full_text``), unless the author already wrote it in the text.
"""

from __future__ import annotations

from datetime import datetime

from relais_common.db import UTCDateTime, UUIDStr, new_id, utcnow
from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from relais_editorial.base import Base

GRID_PLATFORMS = ("x", "mastodon", "bluesky", "linkedin", "threads", "instagram", "facebook")
GRID_STATUSES = ("draft", "in_review", "changes_requested", "approved", "published", "archived")


class MessageGrid(Base):
    __tablename__ = "message_grid"
    __table_args__ = (Index("ix_message_grid_network_status", "network_id", "status"),)

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    entry_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("calendar_entry.id", ondelete="CASCADE"), index=True
    )
    network_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("network_view.id", ondelete="CASCADE")
    )
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    link_url: Mapped[str | None] = mapped_column(String(2000))
    hashtags: Mapped[list[str]] = mapped_column(JSON, default=list)
    mentions: Mapped[list[str]] = mapped_column(JSON, default=list)
    release_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # None once the author was erased (the grid stays: it belongs to the network)
    author_id: Mapped[str | None] = mapped_column(String(64), info={"person": "author"})
    # each submission starts a new round: approvals of an earlier round no longer count
    review_round: Mapped[int] = mapped_column(Integer, default=0)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)


class MessageVariant(Base):
    __tablename__ = "message_variant"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    grid_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("message_grid.id", ondelete="CASCADE"), index=True
    )
    platform: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(12))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
