"""Briefs: content to produce for a network, assigned to an employee, with a due date."""

from __future__ import annotations

from datetime import date, datetime

from relais_common.db import UTCDateTime, UUIDStr, new_id, utcnow
from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from relais_editorial.base import Base

STATUSES = ("open", "in_progress", "delivered", "cancelled")


class Brief(Base):
    __tablename__ = "brief"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("network_view.id", ondelete="CASCADE"), index=True
    )
    entry_id: Mapped[str | None] = mapped_column(
        UUIDStr(), ForeignKey("calendar_entry.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    assignee_id: Mapped[str | None] = mapped_column(String(64), index=True, info={"person": True})
    status: Mapped[str] = mapped_column(String(20), default="open")
    due_date: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[str | None] = mapped_column(String(64), info={"person": True})
    credited_person_id: Mapped[str | None] = mapped_column(String(64), info={"person": True})
    credited_name: Mapped[str | None] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
