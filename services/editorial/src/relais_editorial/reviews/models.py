"""The review of a grid: each approver's decision, and the grid's full history."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from relais_common.db import UTCDateTime, UUIDStr, new_id, utcnow
from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from relais_editorial.base import Base


class GridApproval(Base):
    """An approval given in one review round, at one step (0 outside multi-step mode)."""

    __tablename__ = "grid_approval"
    __table_args__ = (
        UniqueConstraint(
            "grid_id", "review_round", "step", "approver_id", name="uq_grid_approval_once"
        ),
    )

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    grid_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("message_grid.id", ondelete="CASCADE"), index=True
    )
    review_round: Mapped[int] = mapped_column(Integer)
    step: Mapped[int] = mapped_column(Integer, default=0)
    approver_id: Mapped[str | None] = mapped_column(String(64), info={"person": "approver"})
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class GridRevision(Base):
    """Who did what to a grid and when; ``changes`` is a per-field diff (texts: unified diff)."""

    __tablename__ = "grid_revision"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    grid_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("message_grid.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[str | None] = mapped_column(String(64), info={"person": "actor"})
    action: Mapped[str] = mapped_column(String(40))
    # [{"field": "variant:<id>.text", "before": ..., "after": ..., "diff": "--- ..."}]
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    grid_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
