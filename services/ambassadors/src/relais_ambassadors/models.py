"""Ambassadors tables. Relationships are lazy="raise": every load is explicit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from relais_common.db import UTCDateTime, UUIDStr, new_id, utcnow
from relais_common.events import EventTables
from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql import func

from relais_ambassadors.base import Base, JSONValue
from relais_ambassadors.search_text import search_text_of

events = EventTables(Base.metadata)


class Department(Base):
    __tablename__ = "department"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    slug: Mapped[str] = mapped_column(String(140), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Theme(Base):
    __tablename__ = "theme"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    slug: Mapped[str] = mapped_column(String(140), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    merged_into_id: Mapped[str | None] = mapped_column(UUIDStr(), ForeignKey("theme.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Ambassador(Base):
    __tablename__ = "ambassador"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    display_name: Mapped[str] = mapped_column(String(120))
    job_title: Mapped[str] = mapped_column(String(120), default="")
    department_id: Mapped[str | None] = mapped_column(
        UUIDStr(), ForeignKey("department.id"), index=True
    )
    location: Mapped[str] = mapped_column(String(120), default="")
    # ",fr,en," so that one LIKE finds a language on every backend
    languages: Mapped[str] = mapped_column(String(80), default=",")
    bio: Mapped[str] = mapped_column(Text, default="")
    # display_name, job_title, location, bio: unaccented and casefolded (search_text.py)
    search_text: Mapped[str] = mapped_column(Text, default="")
    locale: Mapped[str] = mapped_column(String(5), default="fr")
    accepted_charter_version: Mapped[int | None] = mapped_column(Integer)
    suspended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    listing_public: Mapped[bool] = mapped_column(Boolean, default=False)
    listing_consented_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    moderation: Mapped[str] = mapped_column(String(20), default="none")
    moderation_reason: Mapped[str | None] = mapped_column(String(600))
    listed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Sessions signed in before this moment are refused (the password was changed or reset).
    sessions_revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Profile field -> the row version that last changed it ("*": when tracking began), so a
    # stale If-Match is merged when no field it changes was changed since (profiles/merge.py).
    profile_field_versions: Mapped[dict[str, int] | None] = mapped_column(JSONValue)
    # The public values the core team last approved (moderation/changes.py); the page shows these
    # until a change is approved. "none" | "pending" | "declined" for the change since then.
    public_snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    change_status: Mapped[str] = mapped_column(String(20), default="none", index=True)
    change_reason: Mapped[str | None] = mapped_column(String(600))
    change_submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # the live values a decline was about: the same values do not go back to the queue
    declined_snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    # When a link mailed to the address was opened (sign-up link, invitation or reset): until
    # then the person sees only their own data.
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]


# The directory at company scale (migrations 2026-12-01_directory_search and _speed; figures in
# bench/README.md): pages walk the name index; on PostgreSQL a fragment of 3+ letters is found by
# its trigrams, one of two letters by its bigrams (directory/repository.py).
Index("ix_ambassador_display_name_id", Ambassador.display_name, Ambassador.id)
Index(
    "ix_ambassador_search_text_trgm",
    Ambassador.search_text,
    postgresql_using="gin",
    postgresql_ops={"search_text": "gin_trgm_ops"},
).ddl_if(dialect="postgresql")
Index(
    "ix_ambassador_search_text_bigrams",
    func.relais_bigrams(Ambassador.search_text, type_=ARRAY(Text)),
    postgresql_using="gin",
).ddl_if(dialect="postgresql")

# A person's events (privacy export and erasure read and delete them by aggregate_id): without
# it both scanned the whole outbox, which only grows (migration 2026-12-01_outbox_aggregate).
Index("ix_outbox_event_aggregate_id", events.outbox.c.aggregate_id)


@event.listens_for(Ambassador, "before_insert")
@event.listens_for(Ambassador, "before_update")
def _fill_search_text(_mapper: Any, _connection: Any, person: Ambassador) -> None:
    person.search_text = search_text_of(person)


class AmbassadorTheme(Base):
    __tablename__ = "ambassador_theme"

    ambassador_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("ambassador.id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class SocialAccount(Base):
    __tablename__ = "social_account"
    __table_args__ = (
        UniqueConstraint("ambassador_id", "platform", "handle"),
        # the directory's platform filter reads the owners from this index alone
        Index("ix_social_account_platform_ambassador_id", "platform", "ambassador_id"),
    )

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    ambassador_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("ambassador.id", ondelete="CASCADE"), index=True
    )
    platform: Mapped[str] = mapped_column(String(40))
    handle: Mapped[str] = mapped_column(String(300))
    profile_url: Mapped[str] = mapped_column(String(2048))
    feed_url: Mapped[str | None] = mapped_column(String(2048))
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    consented_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The consent to show this account's posts on the public page (its own ledger scope).
    posts_public: Mapped[bool] = mapped_column(Boolean, default=False)
    posts_consented_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ConsentRecord(Base):
    __tablename__ = "consent_record"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    ambassador_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("ambassador.id", ondelete="CASCADE"), index=True
    )
    scope: Mapped[str] = mapped_column(String(20))
    account_id: Mapped[str | None] = mapped_column(UUIDStr())
    platform: Mapped[str | None] = mapped_column(String(40))
    handle: Mapped[str | None] = mapped_column(String(300))
    granted: Mapped[bool] = mapped_column(Boolean)
    charter_version: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(10), default="self")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SuspensionRecord(Base):
    """The core team suspended or reinstated a person: who, when, why (kept as a ledger)."""

    __tablename__ = "suspension_record"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    ambassador_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("ambassador.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(String(12))  # "suspended" | "reinstated"
    reason: Mapped[str] = mapped_column(String(600), default="")
    admin_id: Mapped[str] = mapped_column(UUIDStr())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ModerationPolicy(Base):
    """One row (id 1), edited by the core team; no row means the defaults."""

    __tablename__ = "moderation_policy"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    # changes to a listed person's public fields wait for approval (the approved version stays)
    moderate_changes: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Charter(Base):
    __tablename__ = "charter"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    title: Mapped[str] = mapped_column(String(200))
    body_markdown: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Invitation(Base):
    __tablename__ = "invitation"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    display_name: Mapped[str] = mapped_column(String(120), default="")
    department_id: Mapped[str | None] = mapped_column(UUIDStr(), ForeignKey("department.id"))
    location: Mapped[str] = mapped_column(String(120), default="")
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # withdrawn by an admin
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class MailMessage(Base):
    __tablename__ = "mail_message"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    to: Mapped[str] = mapped_column(String(254), index=True)
    subject: Mapped[str] = mapped_column(String(300))
    body_text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    # What the mail is for ("verification", "reset", "invitation", "lockout", ...): quotas.
    kind: Mapped[str] = mapped_column(String(20), default="", index=True)
    # The whole body, secret link included, only while it waits for the SMTP job: `body_text`
    # (what the admin mailbox shows) has the link redacted.
    secret_body: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(String(500))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PasswordReset(Base):
    """A "forgot my password" link: only its SHA-256 is kept, it works once, then expires."""

    __tablename__ = "password_reset"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    ambassador_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("ambassador.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class EmailVerification(Base):
    """A sign-up's "confirm your address" link: only its SHA-256 is kept, it works once."""

    __tablename__ = "email_verification"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    ambassador_id: Mapped[str] = mapped_column(
        UUIDStr(), ForeignKey("ambassador.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class LoginFailure(Base):
    __tablename__ = "login_failure"

    id: Mapped[str] = mapped_column(UUIDStr(), primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(254), index=True)
    client_ip: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


def as_dict(row: Any) -> dict[str, Any]:
    """Every column of a row, for the personal data export."""
    return {c.key: getattr(row, c.key) for c in row.__mapper__.column_attrs}


# The networks' tables live with their nouns; imported here so that Base.metadata (Alembic,
# the tests) always has them.
import relais_ambassadors.cycle.models  # noqa: E402
import relais_ambassadors.externals.models  # noqa: E402
import relais_ambassadors.memberships.models  # noqa: E402
import relais_ambassadors.networks.models  # noqa: E402, F401
