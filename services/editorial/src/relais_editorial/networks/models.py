"""The networks as editorial knows them: a read model fed by the ambassadors' events.

Editorial never asks the ambassadors service who may do what: ``network.changed`` and
``network.member`` events keep these rows, and the role checks (networks/auth.py) read them.
``network_settings`` is editorial's own: how the committee reviews, and the disclosure.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from relais_common.db import UTCDateTime, UUIDStr, new_id, utcnow
from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from relais_editorial.base import Base

ROLE_CHAIR = "chair"
ROLE_COMMITTEE = "committee"
ROLE_MEMBER = "member"
ROLES = (ROLE_CHAIR, ROLE_COMMITTEE, ROLE_MEMBER)
COMMITTEE_ROLES = frozenset({ROLE_CHAIR, ROLE_COMMITTEE})


class NetworkView(Base):
    __tablename__ = "network_view"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    slug: Mapped[str] = mapped_column(String(140), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    visibility: Mapped[str] = mapped_column(String(20), default="open")
    theme_slugs: Mapped[list[str]] = mapped_column(JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class NetworkRoleView(Base):
    """One row per member; leaving deletes it (``role: null`` in the event)."""

    __tablename__ = "network_role_view"
    __table_args__ = (
        UniqueConstraint("network_id", "person_id", name="uq_network_role_view_member"),
    )

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("network_view.id", ondelete="CASCADE")
    )
    person_id: Mapped[str] = mapped_column(String(64), index=True)
    role: Mapped[str] = mapped_column(String(20))
    display_name: Mapped[str] = mapped_column(String(200), default="")


class NetworkSettings(Base):
    """The committee's choices; ``path_version`` is the ETag of the ordered editorial path."""

    __tablename__ = "network_settings"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("network_view.id", ondelete="CASCADE"), unique=True
    )
    approval_mode: Mapped[str] = mapped_column(String(20), default="required")
    # [{"name": str, "approvers": [person ids], "rule": "any" | "all"}] for multi_step
    approval_steps: Mapped[list[dict[str, Any]]] = mapped_column(
        JSON, default=list, info={"person": "approvers"}
    )
    # None: the company default (config.Settings.default_disclosure)
    disclosure: Mapped[str | None] = mapped_column(String(200))
    # The network's Mastodon instance (``mastodon.social``; ``http://host:port`` kept as
    # written) and the limit its API gave when the settings were saved: grids count Mastodon
    # variants against it. "default": no instance, or it could not be read (500).
    mastodon_instance: Mapped[str | None] = mapped_column(String(300))
    mastodon_limit: Mapped[int] = mapped_column(Integer, default=500, server_default="500")
    mastodon_limit_source: Mapped[str] = mapped_column(
        String(20), default="default", server_default="default"
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    path_version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
