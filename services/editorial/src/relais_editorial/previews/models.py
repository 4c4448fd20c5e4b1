"""Read-only preview links for people without an account: a calendar range or one grid."""

from __future__ import annotations

from datetime import date, datetime

from relais_common.db import UTCDateTime, UUIDStr, new_id, utcnow
from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from relais_editorial.base import Base


class PreviewLink(Base):
    __tablename__ = "preview_link"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("network_view.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    # the chair or committee member who made it (None once they were erased)
    created_by: Mapped[str | None] = mapped_column(String(64), info={"person": True})
    # a calendar range (from_date..to_date, inclusive) or one grid
    from_date: Mapped[date | None] = mapped_column(Date)
    to_date: Mapped[date | None] = mapped_column(Date)
    grid_id: Mapped[str | None] = mapped_column(
        UUIDStr(), ForeignKey("message_grid.id", ondelete="CASCADE")
    )
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
