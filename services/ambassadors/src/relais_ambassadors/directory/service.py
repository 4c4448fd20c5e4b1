"""The internal directory: active colleagues, searchable and filterable."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from relais_common.pagination import paginate
from sqlalchemy import select
from sqlalchemy.orm import Session

from relais_ambassadors.directory.schemas import DirectoryEntry
from relais_ambassadors.filters import status_is
from relais_ambassadors.models import (
    Ambassador,
    AmbassadorTheme,
    Department,
    SocialAccount,
    Theme,
)
from relais_ambassadors.publication import current_charter_version, is_listed
from relais_ambassadors.schemas import SocialAccountRead, TaxonomyRef
from relais_ambassadors.search_text import normalise


@dataclass(frozen=True)
class DirectoryQuery:
    q: str | None = None
    theme: str | None = None
    department: str | None = None
    platform: str | None = None
    language: str | None = None


def search(
    session: Session, query: DirectoryQuery, *, cursor: str | None, limit: int
) -> tuple[list[DirectoryEntry], str | None]:
    current = current_charter_version(session)
    stmt = select(Ambassador).where(status_is("active", current))
    if query.q and (needle := normalise(query.q)):
        stmt = stmt.where(Ambassador.search_text.contains(needle, autoescape=True))
    if query.theme:
        linked = (
            select(AmbassadorTheme.ambassador_id)
            .join(Theme, Theme.id == AmbassadorTheme.theme_id)
            .where(Theme.slug == query.theme)
        )
        stmt = stmt.where(Ambassador.id.in_(linked))
    if query.department:
        stmt = stmt.where(Ambassador.department_id == query.department)
    if query.platform:
        owners = select(SocialAccount.ambassador_id).where(SocialAccount.platform == query.platform)
        stmt = stmt.where(Ambassador.id.in_(owners))
    if query.language:
        code = query.language.strip().lower()
        stmt = stmt.where(Ambassador.languages.contains(f",{code},", autoescape=True))
    rows, next_cursor = paginate(
        session,
        stmt,
        sort=Ambassador.display_name,
        tiebreak=Ambassador.id,
        cursor=cursor,
        limit=limit,
    )
    return entries(session, rows, current), next_cursor


def entries(
    session: Session, people: Sequence[Ambassador], current: int | None
) -> list[DirectoryEntry]:
    ids = [p.id for p in people]
    accounts: dict[str, list[SocialAccountRead]] = defaultdict(list)
    for account in session.scalars(
        select(SocialAccount)
        .where(SocialAccount.ambassador_id.in_(ids))
        .order_by(SocialAccount.created_at, SocialAccount.id)
    ):
        accounts[account.ambassador_id].append(SocialAccountRead.model_validate(account))
    # Plain tuples, no ORM objects and no member counts: a directory page lists 20-200 people.
    themes: dict[str, list[TaxonomyRef]] = defaultdict(list)
    for person_id, theme_id, slug, name in session.execute(
        select(AmbassadorTheme.ambassador_id, Theme.id, Theme.slug, Theme.name)
        .join(Theme, Theme.id == AmbassadorTheme.theme_id)
        .where(AmbassadorTheme.ambassador_id.in_(ids))
        .order_by(Theme.name)
    ):
        themes[person_id].append(TaxonomyRef(id=theme_id, slug=slug, name=name))
    dept_ids = {p.department_id for p in people if p.department_id}
    departments = {
        dept_id: TaxonomyRef(id=dept_id, slug=slug, name=name)
        for dept_id, slug, name in session.execute(
            select(Department.id, Department.slug, Department.name).where(
                Department.id.in_(dept_ids)
            )
        )
    }
    return [
        DirectoryEntry(
            id=p.id,
            display_name=p.display_name,
            job_title=p.job_title,
            department=departments.get(p.department_id or ""),
            location=p.location,
            languages=p.language_list,
            themes=themes[p.id],
            accounts=accounts[p.id],
            public=is_listed(p, current),
        )
        for p in people
    ]
