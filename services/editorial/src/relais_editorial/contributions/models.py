"""Content an ambassador suggests to a network, and the credit an accepted one leaves."""

from __future__ import annotations

from datetime import datetime

from relais_common.db import UTCDateTime, UUIDStr, new_id, utcnow
from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from relais_editorial.base import Base

KINDS = ("link", "draft")
STATUSES = ("pending", "accepted", "declined")


class Contribution(Base):
    __tablename__ = "contribution"
    __table_args__ = (Index("ix_contribution_network_status", "network_id", "status"),)

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("network_view.id", ondelete="CASCADE")
    )
    author_id: Mapped[str] = mapped_column(String(64), index=True, info={"person": True})
    author_name: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(2048))
    draft: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="pending")
    decision_note: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(64), info={"person": True})
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    entry_id: Mapped[str | None] = mapped_column(
        UUIDStr(), ForeignKey("calendar_entry.id", ondelete="SET NULL")
    )
    brief_id: Mapped[str | None] = mapped_column(
        UUIDStr(), ForeignKey("brief.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class EntryCredit(Base):
    """Who a calendar entry is credited to (the author of the contribution it came from)."""

    __tablename__ = "entry_credit"

    entry_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("calendar_entry.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[str] = mapped_column(String(64), index=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
