"""Calendar subscriptions: one secret feed URL per subscriber and network, revocable."""

from __future__ import annotations

from datetime import datetime

from relais_common.db import UTCDateTime, UUIDStr, new_id, utcnow
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from relais_editorial.base import Base


class CalendarFeed(Base):
    __tablename__ = "calendar_feed"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("network_view.id", ondelete="CASCADE")
    )
    person_id: Mapped[str] = mapped_column(String(64), index=True)
    # sha256 of the token: the token itself is shown once, when the feed is created
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
