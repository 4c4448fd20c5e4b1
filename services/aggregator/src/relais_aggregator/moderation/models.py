"""Admins' moderation of the Planet: a keyword blocklist and one revision counter.

Hiding and pinning an item are columns of feed_item (hidden_by_admin, pinned). The revision
moves with every moderation change: it is the blocklist's ETag and part of the render
cache's fingerprint, so every replica re-renders at its next tick.
"""

from __future__ import annotations

from datetime import datetime

from relais_common.db import UTCDateTime, utcnow
from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from relais_aggregator.base import Base


class BlockedKeyword(Base):
    __tablename__ = "blocked_keyword"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)  # the keyword, casefolded
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ModerationRevision(Base):
    __tablename__ = "moderation_revision"

    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
