"""Builds the read models (Me, Department, Theme) from rows, with their counts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from relais_ambassadors.models import Ambassador, AmbassadorTheme, Department, SocialAccount, Theme
from relais_ambassadors.publication import current_charter_version, is_listed, status_of
from relais_ambassadors.schemas import (
    CharterState,
    DepartmentRead,
    ListingState,
    Me,
    SocialAccountRead,
    ThemeRead,
)


def count_by(session: Session, stmt: Select[Any]) -> dict[str, int]:
    return {str(key): int(n) for key, n in session.execute(stmt).all()}


def department_views(session: Session, rows: Sequence[Department]) -> list[DepartmentRead]:
    ids = [d.id for d in rows]
    counts = count_by(
        session,
        (
            select(Ambassador.department_id, func.count())
            .where(Ambassador.department_id.in_(ids))
            .group_by(Ambassador.department_id)
        ),
    )
    return [
        DepartmentRead(
            id=d.id,
            name=d.name,
            slug=d.slug,
            archived_at=d.archived_at,
            member_count=counts.get(d.id, 0),
            version=d.version,
        )
        for d in rows
    ]


def theme_views(session: Session, rows: Sequence[Theme]) -> list[ThemeRead]:
    ids = [t.id for t in rows]
    counts = count_by(
        session,
        (
            select(AmbassadorTheme.theme_id, func.count())
            .where(AmbassadorTheme.theme_id.in_(ids))
            .group_by(AmbassadorTheme.theme_id)
        ),
    )
    return [
        ThemeRead(
            id=t.id,
            slug=t.slug,
            name=t.name,
            description=t.description,
            archived_at=t.archived_at,
            ambassador_count=counts.get(t.id, 0),
            version=t.version,
        )
        for t in rows
    ]


def departments_by_id(session: Session, ids: Iterable[str | None]) -> dict[str, DepartmentRead]:
    """Departments of a page of rows, with their counts, in two queries."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    rows = list(session.scalars(select(Department).where(Department.id.in_(wanted))))
    return {d.id: d for d in department_views(session, rows)}


def themes_of(session: Session, person_id: str) -> list[Theme]:
    return list(
        session.scalars(
            select(Theme)
            .join(AmbassadorTheme, AmbassadorTheme.theme_id == Theme.id)
            .where(AmbassadorTheme.ambassador_id == person_id)
            .order_by(Theme.name)
        )
    )


def accounts_of(session: Session, person_id: str) -> list[SocialAccount]:
    return list(
        session.scalars(
            select(SocialAccount)
            .where(SocialAccount.ambassador_id == person_id)
            .order_by(SocialAccount.created_at, SocialAccount.id)
        )
    )


def roles_of(person: Ambassador) -> list[str]:
    """"ambassador" once the e-mail address is verified, "unverified" before (own data only)."""
    base = ["ambassador"] if person.email_verified_at is not None else ["unverified"]
    return ["admin", *base] if person.is_admin else base


def listing_state(person: Ambassador, current: int | None) -> ListingState:
    return ListingState(
        public=person.listing_public,
        moderation=person.moderation,
        reason=person.moderation_reason,
        consented_at=person.listing_consented_at,
        listed=is_listed(person, current),
        change=person.change_status,
        change_reason=person.change_reason,
    )


def me_view(session: Session, person: Ambassador) -> Me:
    session.flush()
    current = current_charter_version(session)
    department = session.get(Department, person.department_id) if person.department_id else None
    return Me(
        id=person.id,
        email=person.email,
        roles=roles_of(person),
        display_name=person.display_name,
        job_title=person.job_title,
        department=department_views(session, [department])[0] if department else None,
        location=person.location,
        languages=person.language_list,
        bio=person.bio,
        themes=theme_views(session, themes_of(session, person.id)),
        locale=person.locale,
        status=status_of(person, current),
        charter=CharterState(
            current_version=current, accepted_version=person.accepted_charter_version
        ),
        listing=listing_state(person, current),
        accounts=[SocialAccountRead.model_validate(a) for a in accounts_of(session, person.id)],
        version=person.version,
        created_at=person.created_at,
    )
