"""A network's calendar: dated entries, some of them ordered as the editorial path."""

from __future__ import annotations

from datetime import datetime

from relais_common.db import UTCDateTime, UUIDStr, new_id, utcnow
from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from relais_editorial.base import Base

ENTRY_KINDS = ("event", "topic", "campaign", "launch")
ENTRY_STATUSES = ("planned", "confirmed", "done", "cancelled")


class CalendarEntry(Base):
    __tablename__ = "calendar_entry"
    __table_args__ = (Index("ix_calendar_entry_network_starts", "network_id", "starts_at"),)

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("network_view.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    theme_slug: Mapped[str | None] = mapped_column(String(140))
    # a member of the network; None once that person was erased
    owner_id: Mapped[str | None] = mapped_column(String(64), info={"person": "owner"})
    content_url: Mapped[str | None] = mapped_column(String(2000))
    status: Mapped[str] = mapped_column(String(20), default="planned")
    # 0, 1, 2...: the entry's place in the network's editorial path; None: not on it
    path_position: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
