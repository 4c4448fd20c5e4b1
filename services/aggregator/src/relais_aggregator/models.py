"""The aggregator's read model: public data only, fed by the ambassadors' outbox events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from relais_common.db import UTCDateTime
from relais_common.events import EventTables
from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from relais_aggregator.base import Base

events = EventTables(Base.metadata)


class PublicTheme(Base):
    __tablename__ = "public_theme"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class PublicPerson(Base):
    __tablename__ = "public_person"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))
    job_title: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    languages: Mapped[list[Any]] = mapped_column(JSON, default=list)
    bio: Mapped[str] = mapped_column(Text, default="")
    listed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PublicPersonTheme(Base):
    """A person's theme by slug: the name is kept so the person shows before theme.changed."""

    __tablename__ = "public_person_theme"

    person_id: Mapped[str] = mapped_column(
        ForeignKey("public_person.id", ondelete="CASCADE"), primary_key=True
    )
    theme_slug: Mapped[str] = mapped_column(String(120), primary_key=True, index=True)
    theme_name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)


class PublicNetwork(Base):
    """A network as the public sees it: its name and purpose, and the themes whose listed
    people it gathers (no membership is copied: being a member is no consent to be shown)."""

    __tablename__ = "public_network"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    slug: Mapped[str] = mapped_column(String(140), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    theme_slugs: Mapped[list[Any]] = mapped_column(JSON, default=list)


class PublicAccount(Base):
    __tablename__ = "public_account"

    person_id: Mapped[str] = mapped_column(
        ForeignKey("public_person.id", ondelete="CASCADE"), primary_key=True
    )
    platform: Mapped[str] = mapped_column(String(40), primary_key=True)
    handle: Mapped[str] = mapped_column(String(300), primary_key=True)
    profile_url: Mapped[str] = mapped_column(String(2000))
    feed_url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


# The feed tables live with their noun; importing them here puts them on Base.metadata for the
# migrations, the tests and every query (PLANET-FETCH).
from relais_aggregator.feeds import models as _feed_models  # noqa: E402, F401
from relais_aggregator.moderation import models as _moderation_models  # noqa: E402, F401
