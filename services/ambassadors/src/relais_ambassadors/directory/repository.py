"""The directory's SQL: Core selects returning plain rows, never ORM objects.

A page lists 20-200 people with their accounts and themes; building ORM instances for them was
about half of a request's time (bench/README.md). Rows carry exactly the columns a page shows,
and the statements for a page's accounts and themes are built once (an expanding IN).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relais_common.pagination import paginate
from sqlalchemy import Row, Select, bindparam, func, select
from sqlalchemy.orm import Session

from relais_ambassadors.models import (
    Ambassador,
    AmbassadorTheme,
    Charter,
    Department,
    SocialAccount,
    Theme,
)
from relais_ambassadors.schemas import SocialAccountRead

# What an entry shows, its department, and the columns the listing rule (is_listed) reads.
PEOPLE = select(
    Ambassador.id,
    Ambassador.display_name,
    Ambassador.job_title,
    Ambassador.department_id,
    Department.slug.label("department_slug"),
    Department.name.label("department_name"),
    Ambassador.location,
    Ambassador.languages,
    Ambassador.suspended_at,
    Ambassador.accepted_charter_version,
    Ambassador.listing_public,
    Ambassador.moderation,
).outerjoin(Department, Department.id == Ambassador.department_id)

# The owner, then SocialAccountRead's fields in its order (the entry's account objects).
ACCOUNT_FIELDS = tuple(SocialAccountRead.model_fields)
ACCOUNTS = (
    select(SocialAccount.ambassador_id, *(getattr(SocialAccount, f) for f in ACCOUNT_FIELDS))
    .where(SocialAccount.ambassador_id.in_(bindparam("ids", expanding=True)))
    .order_by(SocialAccount.created_at, SocialAccount.id)
)

THEMES = (
    select(AmbassadorTheme.ambassador_id, Theme.id, Theme.slug, Theme.name)
    .join(Theme, Theme.id == AmbassadorTheme.theme_id)
    .where(AmbassadorTheme.ambassador_id.in_(bindparam("ids", expanding=True)))
    .order_by(Theme.name)
)

CURRENT_CHARTER = select(func.max(Charter.version))


def current_charter_version(session: Session) -> int | None:
    version: int | None = session.connection().execute(CURRENT_CHARTER).scalar()
    return version


def people_statement() -> Select[Any]:
    return PEOPLE


def people_page(
    session: Session, stmt: Select[Any], *, cursor: str | None, limit: int
) -> tuple[list[Row[Any]], str | None]:
    """Keyset pagination on (display name, id), as every list does (relais_common.pagination)."""
    return paginate(
        session,
        stmt,
        sort=Ambassador.display_name,
        tiebreak=Ambassador.id,
        cursor=cursor,
        limit=limit,
        rows=True,
    )


def accounts_of(session: Session, ids: Sequence[str]) -> Sequence[Row[Any]]:
    if not ids:
        return []
    return session.connection().execute(ACCOUNTS, {"ids": list(ids)}).all()


def themes_of(session: Session, ids: Sequence[str]) -> Sequence[Row[Any]]:
    if not ids:
        return []
    return session.connection().execute(THEMES, {"ids": list(ids)}).all()
