"""The directory's SQL: Core selects returning plain rows, never ORM objects.

A page lists 20-200 people with their accounts and themes; building ORM instances for them was
about half of a request's time (bench/README.md). Rows carry exactly the columns a page shows,
and the statements for a page's accounts and themes are built once (an expanding IN). On
PostgreSQL the accounts and themes come in the page's own rows instead, as JSON the database
builds in the wire format (with_lists): one statement where SQLite needs three.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, cast

from relais_common.db import UTCDateTime, read_rows
from relais_common.pagination import MAX_LIMIT, after_cursor, cut, paginate
from sqlalchemy import Row, Select, Text, bindparam, func, literal_column, select, tuple_
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import ARRAY, JSON, aggregate_order_by, array
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from relais_ambassadors.filters import status_is
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
EMPTY = literal_column("'[]'::json", JSON)


def wire_datetime(column: ColumnElement[Any]) -> ColumnElement[str]:
    """A timestamptz as pydantic writes a UTC datetime: microseconds only when not zero, "Z"."""
    utc = func.timezone("UTC", column)
    text = func.to_char(utc, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    return func.replace(text, ".000000Z", "Z")


def wire_or_value(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """A column as its JSON value on the wire: datetimes as wire_datetime, others as they are."""
    return wire_datetime(column) if isinstance(column.type, UTCDateTime) else column


def themes_json(owner: ColumnElement[str]) -> ColumnElement[Any]:
    """PostgreSQL: a person's themes as THEMES gives them, one JSON array (TaxonomyRef)."""
    ref = func.json_build_object("id", Theme.id, "slug", Theme.slug, "name", Theme.name)
    return (
        select(func.coalesce(func.json_agg(aggregate_order_by(ref, Theme.name)), EMPTY))
        .select_from(AmbassadorTheme)
        .join(Theme, Theme.id == AmbassadorTheme.theme_id)
        .where(AmbassadorTheme.ambassador_id == owner)
        .scalar_subquery()
    )


def accounts_json(owner: ColumnElement[str]) -> ColumnElement[Any]:
    """PostgreSQL: a person's accounts as ACCOUNTS gives them, a JSON array (SocialAccountRead)."""
    pairs = [part for f in ACCOUNT_FIELDS for part in (f, wire_or_value(getattr(SocialAccount, f)))]
    order = (SocialAccount.created_at, SocialAccount.id)
    return (
        select(
            func.coalesce(
                func.json_agg(aggregate_order_by(func.json_build_object(*pairs), *order)), EMPTY
            )
        )
        .where(SocialAccount.ambassador_id == owner)
        .scalar_subquery()
    )


def lists(owner: ColumnElement[str]) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    return themes_json(owner).label("themes"), accounts_json(owner).label("accounts")


def frozen(element: ColumnElement[Any]) -> ColumnElement[Any]:
    """A constant expression compiled once to its SQL text: a statement's cache key is computed
    on every execution by walking its tree, and the two lists' trees doubled that walk (a page
    cost more CPU with them than with the two extra queries); a text costs one string."""
    dialect = postgresql.psycopg.dialect()  # type: ignore[no-untyped-call]
    sql = element.compile(dialect=dialect, compile_kwargs={"literal_binds": True})
    return literal_column(str(sql), JSON)


# Built once, for the page's statement in every case but one (the rare matches, people_page).
# The owner as a text, not the column: the subqueries, compiled alone, must not add
# `ambassador` to their own FROM (the enclosing page's row is the owner).
OWNER: ColumnElement[str] = literal_column(f"{Ambassador.__tablename__}.id")
LISTS = (
    frozen(themes_json(OWNER)).label("themes"),
    frozen(accounts_json(OWNER)).label("accounts"),
)


def with_lists(
    session: Session, stmt: Select[Any], owner: ColumnElement[str] | None = None
) -> Select[Any]:
    """On PostgreSQL, the page's themes and accounts in the page's own statement (two correlated
    subqueries in the select list: computed after ORDER BY and LIMIT, for the returned rows
    only), ready for the wire; on SQLite unchanged (accounts_of and themes_of read them).
    `owner`: the person's id when it is not the ambassador table's (a subquery's column)."""
    if session.get_bind().dialect.name != "postgresql":
        return stmt
    return stmt.add_columns(*(LISTS if owner is None else lists(owner)))


CURRENT = CURRENT_CHARTER.scalar_subquery()


@functools.cache
def _first_page_statement(dialect: str, limit: int) -> Select[Any]:
    """The first page of the whole directory, built once per database and page size: the
    charter version in it (no query of its own), ordered and cut as paginate does."""
    stmt = PEOPLE.add_columns(CURRENT.label("current_charter")).where(status_is("active", CURRENT))
    if dialect == "postgresql":
        stmt = stmt.add_columns(*LISTS)
    order = (Ambassador.display_name, Ambassador.id)
    return stmt.order_by(*order).limit(limit + 1)


def first_page(session: Session, limit: int) -> tuple[list[Row[Any]], str | None, int | None]:
    """The directory's first page, unfiltered (the page everyone opens): its rows, the cursor
    after it, and the current charter version the rows were read with."""
    limit = max(1, min(limit, MAX_LIMIT))
    stmt = _first_page_statement(session.get_bind().dialect.name, limit)
    return _first_page_of(list(session.connection().execute(stmt).all()), limit)


async def first_page_read(app: Any, limit: int) -> tuple[list[Row[Any]], str | None, int | None]:
    """first_page through relais_common.db.read_rows (the directory's fast read)."""
    limit = max(1, min(limit, MAX_LIMIT))
    stmt = _first_page_statement(app.state.engine.dialect.name, limit)
    return _first_page_of(list(await read_rows(app, stmt)), limit)


def _first_page_of(
    rows: list[Row[Any]], limit: int
) -> tuple[list[Row[Any]], str | None, int | None]:
    current = rows[0].current_charter if rows else None
    items, next_cursor = cut(rows, limit, "display_name", "id")
    return items, next_cursor, current


def current_charter_version(session: Session) -> int | None:
    version: int | None = session.connection().execute(CURRENT_CHARTER).scalar()
    return version


def people_statement() -> Select[Any]:
    return PEOPLE


# Windows of names read in order before the search matches everyone (people_page).
WINDOWS = (1000, 10_000)


def people_page(
    session: Session,
    stmt: Select[Any],
    *,
    cursor: str | None,
    limit: int,
    narrowed: bool,
    indexed: ColumnElement[bool] | None = None,
) -> tuple[list[Row[Any]], str | None]:
    """Keyset pagination on (display name, id), as every list does (relais_common.pagination).

    A narrowed search (a name fragment or a filter) first looks among the next 1,000 names in
    order, then 10,000 (a range of the name index, bounded by window_end): when the page fills
    there, it is the right page, found without matching the whole company. Otherwise matches
    are rare after the cursor, and matching them first is cheap (the trigram index on
    PostgreSQL; a scan for a fragment of two letters).
    Either plan alone was slow for some fragments at 100,000 people: a rare one walked most of
    the name index, a frequent one ("mar": Martin, marketing...) sorted a fifth of the company.
    `indexed` (fragment_index) is added only to that last query: it finds the matches there.
    """
    page = functools.partial(
        paged,
        session,
        sort=Ambassador.display_name,
        tiebreak=Ambassador.id,
        cursor=cursor,
        limit=limit,
        rows=True,
    )
    if not narrowed:
        return page(stmt)
    for size in WINDOWS:
        last = window_end(session, cursor, size)
        if last is None:  # fewer names than that after the cursor: the walk is short
            return page(stmt)
        in_window = tuple_(Ambassador.display_name, Ambassador.id) <= tuple_(*last)
        rows, next_cursor = page(stmt.where(in_window))
        if next_cursor is not None:
            return rows, next_cursor
    # Rare after the cursor: match first, then sort the few matches. OFFSET 0 keeps
    # PostgreSQL from walking the name index again in search of them.
    if indexed is not None:
        stmt = stmt.where(indexed)
    matches = stmt.offset(0).subquery()
    return paged(
        session,
        select(matches),
        matches.c.id,
        sort=cast(InstrumentedAttribute[Any], matches.c.display_name),
        tiebreak=cast(InstrumentedAttribute[Any], matches.c.id),
        cursor=cursor,
        limit=limit,
        rows=True,
    )


def paged(
    session: Session, stmt: Select[Any], owner: ColumnElement[str] | None = None, **kw: Any
) -> tuple[list[Row[Any]], str | None]:
    """paginate, with the page's lists (with_lists)."""
    return paginate(session, with_lists(session, stmt, owner), **kw)


def window_end(session: Session, cursor: str | None, size: int) -> Row[Any] | None:
    """(name, id) of the size-th person after the cursor, any status (the name index alone);
    None when fewer remain."""
    stmt = select(Ambassador.display_name, Ambassador.id)
    after = after_cursor(Ambassador.display_name, Ambassador.id, cursor)
    if after is not None:
        stmt = stmt.where(after)
    stmt = stmt.order_by(Ambassador.display_name, Ambassador.id).offset(size - 1).limit(1)
    return session.connection().execute(stmt).first()


def has_fragment(needle: str) -> ColumnElement[bool]:
    """search_text contains the (normalised) fragment: a LIKE, the same on both databases.

    Under 3 letters a fragment has no trigram: PostgreSQL still chose the trigram index and read
    all of it (390 ms at 100,000 people); an expression keeps the LIKE off that index (the
    bigram index finds such a fragment instead, fragment_index)."""
    text = Ambassador.search_text if len(needle) >= 3 else Ambassador.search_text + ""
    return text.contains(needle, autoescape=True)


def fragment_index(session: Session, needle: str) -> ColumnElement[bool] | None:
    """On PostgreSQL, a two-letter fragment as one of search_text's bigrams (migration
    2026-12-01_speed): the rows of has_fragment, read from the GIN index instead of a scan of
    the company. Only where matches are found before sorting (people_page): computing the
    bigrams of a row costs more than the LIKE, so a walk in name order filters with the LIKE."""
    if len(needle) != 2 or session.get_bind().dialect.name != "postgresql":
        return None
    bigrams = func.relais_bigrams(Ambassador.search_text, type_=ARRAY(Text))
    return bigrams.contains(sql_cast(array([needle]), ARRAY(Text)))


def has_theme(slug: str) -> ColumnElement[bool]:
    """The person declared the theme with this slug. An IN, not a correlated probe: past the
    window, probing each match of a frequent fragment cost more than hashing the members."""
    theme_id = select(Theme.id).where(Theme.slug == slug).scalar_subquery()
    members = select(AmbassadorTheme.ambassador_id).where(AmbassadorTheme.theme_id == theme_id)
    return Ambassador.id.in_(members)


def has_platform(platform: str) -> ColumnElement[bool]:
    owners = select(SocialAccount.ambassador_id).where(SocialAccount.platform == platform)
    return Ambassador.id.in_(owners)


def accounts_of(session: Session, ids: Sequence[str]) -> Sequence[Row[Any]]:
    if not ids:
        return []
    return session.connection().execute(ACCOUNTS, {"ids": list(ids)}).all()


def themes_of(session: Session, ids: Sequence[str]) -> Sequence[Row[Any]]:
    if not ids:
        return []
    return session.connection().execute(THEMES, {"ids": list(ids)}).all()


async def lists_read(app: Any, ids: Sequence[str]) -> tuple[Sequence[Row[Any]], Sequence[Row[Any]]]:
    """(accounts_of, themes_of) through relais_common.db.read_rows."""
    if not ids:
        return [], []
    params = {"ids": list(ids)}
    return await read_rows(app, ACCOUNTS, params), await read_rows(app, THEMES, params)
