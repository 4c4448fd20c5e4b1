"""SQL for departments: the list, lookups by slug, and moving people and invitations on a merge."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, func, or_, select, update
from sqlalchemy.orm import Session

from relais_ambassadors.models import Ambassador, Department, Invitation


def listing(session: Session, *, include_archived: bool) -> list[Department]:
    stmt = select(Department).order_by(Department.name, Department.id)
    if not include_archived:
        stmt = stmt.where(Department.archived_at.is_(None))
    return list(session.scalars(stmt))


def by_id(session: Session, department_id: str) -> Department | None:
    return session.get(Department, department_id)


def open_with_slug_like(session: Session, base: str) -> Sequence[Department]:
    """Open departments whose slug is ``base`` or ``base-…``, by slug."""
    return session.scalars(
        select(Department)
        .where(or_(Department.slug == base, Department.slug.like(f"{base}-%")))
        .where(Department.archived_at.is_(None))
        .order_by(Department.slug)
    ).all()


def similar_slugs(session: Session, base: str) -> Sequence[Row[Any]]:
    """(id, slug, name) of the departments whose slug is ``base`` or ``base-…``."""
    return session.execute(
        select(Department.id, Department.slug, Department.name).where(
            or_(Department.slug == base, Department.slug.like(f"{base}-%"))
        )
    ).all()


def move_members(session: Session, source_id: str, target_id: str) -> None:
    """People and invitations of ``source_id`` go to ``target_id`` (people get a new version)."""
    session.execute(
        update(Ambassador)
        .where(Ambassador.department_id == source_id)
        .values(department_id=target_id, version=Ambassador.version + 1)
    )
    session.execute(
        update(Invitation)
        .where(Invitation.department_id == source_id)
        .values(department_id=target_id)
    )


def with_ids(session: Session, ids: Sequence[str]) -> list[Department]:
    return list(session.scalars(select(Department).where(Department.id.in_(ids))))


def member_counts(session: Session, ids: Sequence[str]) -> dict[str, int]:
    """How many people each of these departments has (absent: none), in one query."""
    stmt = (
        select(Ambassador.department_id, func.count())
        .where(Ambassador.department_id.in_(ids))
        .group_by(Ambassador.department_id)
    )
    return {str(key): int(n) for key, n in session.execute(stmt).all()}
