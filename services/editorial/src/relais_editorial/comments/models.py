"""Comments on a grid, or on one of its variants."""

from __future__ import annotations

from datetime import datetime

from relais_common.db import UTCDateTime, UUIDStr, new_id, utcnow
from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from relais_editorial.base import Base


class GridComment(Base):
    __tablename__ = "grid_comment"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    grid_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("message_grid.id", ondelete="CASCADE"), index=True
    )
    variant_id: Mapped[str | None] = mapped_column(
        UUIDStr(), ForeignKey("message_variant.id", ondelete="SET NULL")
    )
    author_id: Mapped[str | None] = mapped_column(String(64), info={"person": "author"})
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
