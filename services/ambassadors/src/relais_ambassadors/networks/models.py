"""A network: people around themes, with a purpose, a visibility and a cycle phase."""

from __future__ import annotations

from datetime import datetime

from relais_common.db import UTCDateTime, UUIDStr, new_id, utcnow
from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from relais_ambassadors.base import Base

VISIBILITIES = ("open", "request", "invitation")
PHASES = ("promotion", "education", "action", "lessons", "consolidation")


class Network(Base):
    __tablename__ = "network"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    slug: Mapped[str] = mapped_column(String(140), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    purpose: Mapped[str] = mapped_column(Text, default="")
    # "open" (anyone joins), "request" (the committee accepts), "invitation" (invited only)
    visibility: Mapped[str] = mapped_column(String(12), default="open")
    current_phase: Mapped[str] = mapped_column(String(20), default="promotion")
    # the cycle's own version: a phase change must not conflict with an edit of the network
    cycle_version: Mapped[int] = mapped_column(Integer, default=1)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # the admin who created it; set to null when that person is erased
    created_by: Mapped[str | None] = mapped_column(UUIDStr(), info={"person": "creator"})
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class NetworkTheme(Base):
    __tablename__ = "network_theme"

    network_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("network.id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True, index=True
    )
