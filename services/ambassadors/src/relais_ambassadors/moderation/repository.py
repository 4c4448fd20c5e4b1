"""SQL for the moderation queue: first listings, then changes, oldest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from relais_ambassadors.models import (
    Ambassador,
    AmbassadorTheme,
    ModerationPolicy,
    SocialAccount,
    Theme,
)


def listing_waits() -> ColumnElement[Any]:
    return and_(Ambassador.listing_public.is_(True), Ambassador.moderation == "pending")


def change_waits() -> ColumnElement[Any]:
    return and_(
        Ambassador.listing_public.is_(True),
        Ambassador.moderation == "approved",
        Ambassador.change_status == "pending",
        Ambassador.suspended_at.is_(None),
    )


def queue(session: Session, limit: int) -> list[Ambassador]:
    listings = list(
        session.scalars(
            select(Ambassador)
            .where(listing_waits())
            .order_by(Ambassador.listing_consented_at, Ambassador.id)
            .limit(limit)
        )
    )
    if len(listings) >= limit:
        return listings
    changes = session.scalars(
        select(Ambassador)
        .where(change_waits())
        .order_by(Ambassador.change_submitted_at, Ambassador.id)
        .limit(limit - len(listings))
    )
    return [*listings, *changes]


def count(session: Session, condition: ColumnElement[Any]) -> int:
    return session.scalar(select(func.count()).select_from(Ambassador).where(condition)) or 0


def accounts_by_person(session: Session, ids: Sequence[str]) -> dict[str, list[SocialAccount]]:
    found: dict[str, list[SocialAccount]] = {i: [] for i in ids}
    rows = session.scalars(
        select(SocialAccount)
        .where(SocialAccount.ambassador_id.in_(ids))
        .order_by(SocialAccount.created_at, SocialAccount.id)
    )
    for account in rows:
        found[account.ambassador_id].append(account)
    return found


def themes_by_person(session: Session, ids: Sequence[str]) -> dict[str, list[Theme]]:
    found: dict[str, list[Theme]] = {i: [] for i in ids}
    rows = session.execute(
        select(AmbassadorTheme.ambassador_id, Theme)
        .join(Theme, Theme.id == AmbassadorTheme.theme_id)
        .where(AmbassadorTheme.ambassador_id.in_(ids))
        .order_by(Theme.name, Theme.id)
    )
    for person_id, theme in rows.tuples():
        found[person_id].append(theme)
    return found


def open_theme_ids(session: Session, person_id: str) -> list[str]:
    """The person's themes that are not archived."""
    return list(
        session.scalars(
            select(AmbassadorTheme.theme_id)
            .join(Theme, Theme.id == AmbassadorTheme.theme_id)
            .where(AmbassadorTheme.ambassador_id == person_id, Theme.archived_at.is_(None))
        )
    )


def public_accounts(session: Session, person_id: str) -> list[SocialAccount]:
    """The person's accounts with consent to show them."""
    return list(
        session.scalars(
            select(SocialAccount).where(
                SocialAccount.ambassador_id == person_id, SocialAccount.public.is_(True)
            )
        )
    )


def themes_with_ids(session: Session, ids: Sequence[str]) -> list[Theme]:
    return list(session.scalars(select(Theme).where(Theme.id.in_(ids))))


def policy(session: Session, policy_id: int, *, reload: bool = False) -> ModerationPolicy | None:
    """The policy row; ``reload`` reads it again from the database (after an insert)."""
    return session.get(ModerationPolicy, policy_id, populate_existing=reload)


def insert_policy_if_missing(session: Session, defaults: dict[str, Any]) -> None:
    """Insert the policy row unless one exists (concurrent first uses: one wins, none fails)."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(ModerationPolicy).values(defaults).on_conflict_do_nothing())


def changes_not_approved(session: Session) -> list[Ambassador]:
    """People whose change waits or was declined, by id."""
    return list(
        session.scalars(
            select(Ambassador)
            .where(Ambassador.change_status.in_(("pending", "declined")))
            .order_by(Ambassador.id)
        )
    )
