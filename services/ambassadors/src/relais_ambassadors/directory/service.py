"""The internal directory: active colleagues, searchable and filterable."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Row
from sqlalchemy.orm import Session

from relais_ambassadors.directory import repository
from relais_ambassadors.filters import status_is
from relais_ambassadors.models import Ambassador
from relais_ambassadors.publication import is_listed
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
) -> tuple[list[dict[str, Any]], str | None]:
    """A page of entries, as plain data shaped like DirectoryEntry (the router sends it as is)."""
    needle = normalise(query.q or "")
    narrowed = any((needle, query.theme, query.department, query.platform, query.language))
    if not narrowed and not cursor:  # the page everyone opens: one statement built once
        rows, next_cursor, current = repository.first_page(session, limit)
        return entries(session, rows, current), next_cursor
    current = repository.current_charter_version(session)
    stmt = repository.people_statement().where(status_is("active", current))
    if needle:
        stmt = stmt.where(repository.has_fragment(needle))
    if query.theme:
        stmt = stmt.where(repository.has_theme(query.theme))
    if query.department:
        stmt = stmt.where(Ambassador.department_id == query.department)
    if query.platform:
        stmt = stmt.where(repository.has_platform(query.platform))
    if query.language:
        code = query.language.strip().lower()
        stmt = stmt.where(Ambassador.languages.contains(f",{code},", autoescape=True))
    rows, next_cursor = repository.people_page(
        session,
        stmt,
        cursor=cursor,
        limit=limit,
        narrowed=narrowed,
        indexed=repository.fragment_index(session, needle) if needle else None,
    )
    return entries(session, rows, current), next_cursor


async def first_page(app: Any, limit: int) -> tuple[list[dict[str, Any]], str | None]:
    """search()'s unfiltered first page, read through relais_common.db.read_rows (the
    directory's fast read): the same statements and the same entries."""
    rows, next_cursor, current = await repository.first_page_read(app, limit)
    if _inline(rows):
        return entries_of(rows, current, *_inline_lists(rows)), next_cursor
    accounts, themes = await repository.lists_read(app, [p.id for p in rows])
    return entries_of(rows, current, *lists_from(accounts, themes)), next_cursor


def _inline(people: Sequence[Row[Any]]) -> bool:
    """On PostgreSQL the rows carry their themes and accounts (repository.with_lists)."""
    return bool(people) and "accounts" in people[0]._fields


def _inline_lists(people: Sequence[Row[Any]]) -> tuple[Lists, Lists]:
    return {p.id: p.themes for p in people}, {p.id: p.accounts for p in people}


def entries(
    session: Session, people: Sequence[Row[Any]], current: int | None
) -> list[dict[str, Any]]:
    """DirectoryEntry's fields in its order, from rows: no model instances per person, account
    and theme (a test checks every entry validates against DirectoryEntry). On PostgreSQL the
    rows carry their themes and accounts already (repository.with_lists), wire-ready."""
    if _inline(people):
        return entries_of(people, current, *_inline_lists(people))
    return entries_of(people, current, *lists_of(session, [p.id for p in people]))


def entries_of(
    people: Sequence[Row[Any]], current: int | None, themes: Lists, accounts: Lists
) -> list[dict[str, Any]]:
    return [
        {
            "id": p.id,
            "display_name": p.display_name,
            "job_title": p.job_title,
            "department": (
                {"id": p.department_id, "slug": p.department_slug, "name": p.department_name}
                if p.department_id
                else None
            ),
            "location": p.location,
            "languages": [code for code in p.languages.split(",") if code],
            "themes": themes.get(p.id, []),
            "accounts": accounts.get(p.id, []),
            # the row has the columns the listing rule reads (repository.PEOPLE)
            "public": is_listed(cast(Ambassador, p), current),
        }
        for p in people
    ]


Lists = dict[str, list[dict[str, Any]]]


def lists_of(session: Session, ids: Sequence[str]) -> tuple[Lists, Lists]:
    """The themes and the accounts of a page's people, two queries (SQLite)."""
    return lists_from(repository.accounts_of(session, ids), repository.themes_of(session, ids))


def lists_from(
    account_rows: Sequence[Row[Any]], theme_rows: Sequence[Row[Any]]
) -> tuple[Lists, Lists]:
    accounts: Lists = defaultdict(list)
    for owner, *values in account_rows:
        accounts[owner].append(dict(zip(repository.ACCOUNT_FIELDS, values, strict=True)))
    themes: Lists = defaultdict(list)
    for person_id, theme_id, slug, name in theme_rows:
        themes[person_id].append({"id": theme_id, "slug": slug, "name": name})
    return themes, accounts
