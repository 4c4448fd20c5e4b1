"""Who belongs to a network (or asked, or was invited), and every change of role."""

from __future__ import annotations

from datetime import datetime

from relais_common.db import UTCDateTime, UUIDStr, new_id, utcnow
from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from relais_ambassadors.base import Base

ROLES = ("chair", "committee", "member")
STATUSES = ("member", "requested", "invited")


class NetworkMembership(Base):
    """One row per person and network: a member (with a role), a request or an invitation.

    A declined request or invitation, a departure and a removal delete the row; the role
    history keeps what happened.
    """

    __tablename__ = "network_membership"
    __table_args__ = (
        UniqueConstraint("network_id", "ambassador_id"),
        Index("ix_network_membership_network_status", "network_id", "status"),
    )

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(UUIDStr(), ForeignKey("network.id", ondelete="CASCADE"))
    ambassador_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("ambassador.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(12))
    # the role once a member ("member" while a request or an invitation waits)
    role: Mapped[str] = mapped_column(String(12), default="member")
    note: Mapped[str] = mapped_column(String(600), default="")
    # who invited the person, or accepted their request; null once that person is erased
    decided_by: Mapped[str | None] = mapped_column(UUIDStr(), info={"person": "decider"})
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    joined_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class NetworkRoleChange(Base):
    """A ledger: ``from_role`` -> ``to_role`` (null: not a member), who did it and when."""

    __tablename__ = "network_role_change"
    __table_args__ = (Index("ix_network_role_change_network_created", "network_id", "created_at"),)

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(UUIDStr(), ForeignKey("network.id", ondelete="CASCADE"))
    ambassador_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("ambassador.id", ondelete="CASCADE"), index=True
    )
    # joined, accepted, invitation-accepted, appointed, left, removed
    reason: Mapped[str] = mapped_column(String(24))
    from_role: Mapped[str | None] = mapped_column(String(12))
    to_role: Mapped[str | None] = mapped_column(String(12))
    actor_id: Mapped[str | None] = mapped_column(UUIDStr(), info={"person": "actor"})
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
