"""SQL for themes: the list, the slugs a new name could clash with, and a merge's members."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, delete, func, or_, select
from sqlalchemy.orm import Session

from relais_ambassadors.models import Ambassador, AmbassadorTheme, Theme


def listing(session: Session, *, include_archived: bool) -> list[Theme]:
    stmt = select(Theme).order_by(Theme.name, Theme.id)
    if not include_archived:
        stmt = stmt.where(Theme.archived_at.is_(None))
    return list(session.scalars(stmt))


def by_id(session: Session, theme_id: str) -> Theme | None:
    return session.get(Theme, theme_id)


def similar_slugs(session: Session, base: str) -> Sequence[Row[Any]]:
    """(id, slug, name) of the themes whose slug is ``base`` or ``base-…``."""
    return session.execute(
        select(Theme.id, Theme.slug, Theme.name).where(
            or_(Theme.slug == base, Theme.slug.like(f"{base}-%"))
        )
    ).all()


def member_ids(session: Session, theme_id: str) -> set[str]:
    return set(
        session.scalars(
            select(AmbassadorTheme.ambassador_id).where(AmbassadorTheme.theme_id == theme_id)
        )
    )


def drop_members(session: Session, theme_id: str) -> None:
    session.execute(delete(AmbassadorTheme).where(AmbassadorTheme.theme_id == theme_id))


def open_themes(session: Session, theme_ids: Sequence[str]) -> Sequence[Theme]:
    """The themes among ``theme_ids`` not archived, by name (a public entry's themes)."""
    return session.scalars(
        select(Theme)
        .where(Theme.id.in_(theme_ids), Theme.archived_at.is_(None))
        .order_by(Theme.name, Theme.id)
    ).all()


def listed_people_to_republish(session: Session, theme_ids: Sequence[str]) -> list[Ambassador]:
    """Listed people who declared one of these themes, or who have a change waiting."""
    declared = select(AmbassadorTheme.ambassador_id).where(AmbassadorTheme.theme_id.in_(theme_ids))
    return list(
        session.scalars(
            select(Ambassador)
            .where(
                Ambassador.listed_at.is_not(None),
                or_(Ambassador.id.in_(declared), Ambassador.change_status != "none"),
            )
            .order_by(Ambassador.id)
        )
    )


def ambassador_counts(session: Session, ids: Sequence[str]) -> dict[str, int]:
    """How many people declared each of these themes (absent: none), in one query."""
    stmt = (
        select(AmbassadorTheme.theme_id, func.count())
        .where(AmbassadorTheme.theme_id.in_(ids))
        .group_by(AmbassadorTheme.theme_id)
    )
    return {str(key): int(n) for key, n in session.execute(stmt).all()}


def of_person(session: Session, person_id: str) -> list[Theme]:
    """The person's themes, by name."""
    return list(
        session.scalars(
            select(Theme)
            .join(AmbassadorTheme, AmbassadorTheme.theme_id == Theme.id)
            .where(AmbassadorTheme.ambassador_id == person_id)
            .order_by(Theme.name)
        )
    )
