"""Builds the read models (Me, Department, Theme) from rows, with their counts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy.orm import Session

from relais_ambassadors.departments import repository as departments
from relais_ambassadors.models import Ambassador, Department, SocialAccount, Theme
from relais_ambassadors.profiles import repository as profiles
from relais_ambassadors.publication import current_charter_version, is_listed, status_of
from relais_ambassadors.schemas import (
    CharterState,
    DepartmentRead,
    ListingState,
    Me,
    SocialAccountRead,
    ThemeRead,
)
from relais_ambassadors.social_accounts import repository as social_accounts
from relais_ambassadors.themes import repository as themes


def department_views(session: Session, rows: Sequence[Department]) -> list[DepartmentRead]:
    ids = [d.id for d in rows]
    counts = departments.member_counts(session, ids)
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
    counts = themes.ambassador_counts(session, ids)
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
    rows = departments.with_ids(session, wanted)
    return {d.id: d for d in department_views(session, rows)}


def themes_of(session: Session, person_id: str) -> list[Theme]:
    return themes.of_person(session, person_id)


def accounts_of(session: Session, person_id: str) -> list[SocialAccount]:
    return social_accounts.of_person(session, person_id)


def roles_of(person: Ambassador) -> list[str]:
    """ "ambassador" once the e-mail address is verified, "unverified" before (own data only)."""
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
    department = departments.by_id(session, person.department_id) if person.department_id else None
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


def my_view(session: Session, person_id: str) -> Me | None:
    """`me_view` for a read: the same Me from prebuilt statements returning rows (no ORM
    instances, no flush); None when the person is gone. A test compares the two."""
    return me_of_rows(*profiles.me_rows(session, person_id))


def me_of_rows(row: Any, theme_rows: Sequence[Any], account_rows: Sequence[Any]) -> Me | None:
    """my_view's Me from the rows of profiles.me_rows (or me_rows_read); None for nobody."""
    if row is None:
        return None
    person = cast(Ambassador, row)  # the row has every column the rules below read
    current: int | None = row.current_charter
    department: dict[str, Any] | None = None
    if row.department_id is not None and row.department_name is not None:
        department = {
            "id": row.department_id,
            "name": row.department_name,
            "slug": row.department_slug,
            "archived_at": row.department_archived_at,
            "member_count": row.department_members,
            "version": row.department_version,
        }
    return Me.model_validate(
        {
            "id": row.id,
            "email": row.email,
            "roles": roles_of(person),
            "display_name": row.display_name,
            "job_title": row.job_title,
            "department": department,
            "location": row.location,
            "languages": [code for code in row.languages.split(",") if code],
            "bio": row.bio,
            "themes": [t if isinstance(t, dict) else t._asdict() for t in theme_rows],
            "locale": row.locale,
            "status": status_of(person, current),
            "charter": {
                "current_version": current,
                "accepted_version": row.accepted_charter_version,
            },
            "listing": listing_state(person, current),
            "accounts": [a if isinstance(a, dict) else a._asdict() for a in account_rows],
            "version": row.version,
            "created_at": row.created_at,
        }
    )
