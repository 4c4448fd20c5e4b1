"""External actors of a network, and their own consent ledger."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from relais_common.db import UTCDateTime, UUIDStr, new_id, utcnow
from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from relais_ambassadors.base import Base, JSONValue

KINDS = ("client", "partner", "consultant", "influencer", "journalist", "analyst")


class NetworkExternal(Base):
    __tablename__ = "network_external"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("network.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(120))
    organisation: Mapped[str] = mapped_column(String(120), default="")
    # [{platform, handle, profile_url}], normalised with the ambassadors' platform rules
    accounts: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    # the colleague who knows them; null once that person leaves (is erased)
    owner_id: Mapped[str | None] = mapped_column(
        UUIDStr(), ForeignKey("ambassador.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")  # the committee's eyes only
    # when their current consent was given; null: never, or withdrawn since
    consented_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ExternalConsent(Base):
    """Each grant or withdrawal of an external's consent, dated, with who recorded it."""

    __tablename__ = "external_consent"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    external_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("network_external.id", ondelete="CASCADE"), index=True
    )
    granted: Mapped[bool] = mapped_column()
    # how it was given: "signed form, 2026-11-30", "e-mail of 12 Nov"...
    evidence: Mapped[str] = mapped_column(String(600), default="")
    recorded_by: Mapped[str | None] = mapped_column(UUIDStr(), info={"person": "recorder"})
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
