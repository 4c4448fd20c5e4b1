"""Dated notes a committee writes for each phase of its network's cycle."""

from __future__ import annotations

from datetime import date, datetime

from relais_common.db import UTCDateTime, UUIDStr, new_id, utcnow
from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from relais_ambassadors.base import Base


class NetworkPhaseNote(Base):
    __tablename__ = "network_phase_note"
    __table_args__ = (Index("ix_network_phase_note_network_phase", "network_id", "phase"),)

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(UUIDStr(), ForeignKey("network.id", ondelete="CASCADE"))
    phase: Mapped[str] = mapped_column(String(20))
    note_date: Mapped[date] = mapped_column(Date)
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str | None] = mapped_column(UUIDStr(), info={"person": "author"})
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
