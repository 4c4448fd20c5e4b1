"""SQL for one's own profile: the department and themes a save may pick, the themes held,
and the three statements that read `GET /me`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relais_common.db import read_rows
from sqlalchemy import Row, bindparam, delete, func, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import BindParameter, ColumnElement

from relais_ambassadors.directory.repository import (
    EMPTY,
    OWNER,
    accounts_json,
    frozen,
    wire_or_value,
)
from relais_ambassadors.models import (
    Ambassador,
    AmbassadorTheme,
    Charter,
    Department,
    SocialAccount,
    Theme,
)
from relais_ambassadors.schemas import SocialAccountRead


def department(session: Session, department_id: str) -> Department | None:
    return session.get(Department, department_id)


def open_theme_ids(session: Session, theme_ids: Sequence[str]) -> set[str]:
    """Those of ``theme_ids`` that name a theme not archived."""
    return set(
        session.scalars(
            select(Theme.id).where(Theme.id.in_(theme_ids), Theme.archived_at.is_(None))
        )
    )


def drop_themes(session: Session, person_id: str) -> None:
    session.execute(delete(AmbassadorTheme).where(AmbassadorTheme.ambassador_id == person_id))


def theme_ids(session: Session, person_id: str) -> list[str]:
    return list(
        session.scalars(
            select(AmbassadorTheme.theme_id).where(AmbassadorTheme.ambassador_id == person_id)
        )
    )


# GET /me in three statements built once (a statement built per call, and the ORM's instances,
# cost more than the queries: bench/README.md), one on PostgreSQL (ME_PERSON_WITH_LISTS). Read
# on the request's connection, as rows.
_PERSON_ID: BindParameter[str] = bindparam("person_id")
_member = aliased(Ambassador)
_holder = aliased(AmbassadorTheme)
ME_PERSON = (
    select(
        Ambassador.id,
        Ambassador.email,
        Ambassador.is_admin,
        Ambassador.email_verified_at,
        Ambassador.display_name,
        Ambassador.job_title,
        Ambassador.department_id,
        Ambassador.location,
        Ambassador.languages,
        Ambassador.bio,
        Ambassador.locale,
        Ambassador.suspended_at,
        Ambassador.accepted_charter_version,
        Ambassador.listing_public,
        Ambassador.moderation,
        Ambassador.moderation_reason,
        Ambassador.listing_consented_at,
        Ambassador.change_status,
        Ambassador.change_reason,
        Ambassador.version,
        Ambassador.created_at,
        select(func.max(Charter.version)).scalar_subquery().label("current_charter"),
        Department.name.label("department_name"),
        Department.slug.label("department_slug"),
        Department.archived_at.label("department_archived_at"),
        Department.version.label("department_version"),
        select(func.count())
        .select_from(_member)
        .where(_member.department_id == Department.id)
        .correlate(Department)
        .scalar_subquery()
        .label("department_members"),
    )
    .outerjoin(Department, Department.id == Ambassador.department_id)
    .where(Ambassador.id == _PERSON_ID)
)
ME_THEMES = (
    select(
        Theme.id,
        Theme.slug,
        Theme.name,
        Theme.description,
        Theme.archived_at,
        select(func.count())
        .select_from(_holder)
        .where(_holder.theme_id == Theme.id)
        .correlate(Theme)
        .scalar_subquery()
        .label("ambassador_count"),
        Theme.version,
    )
    .join(AmbassadorTheme, AmbassadorTheme.theme_id == Theme.id)
    .where(AmbassadorTheme.ambassador_id == _PERSON_ID)
    .order_by(Theme.name)
)
# SocialAccountRead's fields in its order (Me's accounts).
ME_ACCOUNTS = (
    select(*(getattr(SocialAccount, f) for f in SocialAccountRead.model_fields))
    .where(SocialAccount.ambassador_id == _PERSON_ID)
    .order_by(SocialAccount.created_at, SocialAccount.id)
)


def _themes_json() -> ColumnElement[Any]:
    """ME_THEMES as one JSON array, for the person of the enclosing statement (OWNER)."""
    fields = ME_THEMES.selected_columns
    theme = func.json_build_object(*(part for c in fields for part in (c.key, wire_or_value(c))))
    return (
        select(func.coalesce(func.json_agg(aggregate_order_by(theme, Theme.name)), EMPTY))
        .select_from(Theme)
        .join(AmbassadorTheme, AmbassadorTheme.theme_id == Theme.id)
        .where(AmbassadorTheme.ambassador_id == OWNER)
        .scalar_subquery()
    )


# PostgreSQL: ME_PERSON with the themes and the accounts in the same row, one round trip
# instead of three (JSON built by the database, as the directory page does).
ME_PERSON_WITH_LISTS = ME_PERSON.add_columns(
    frozen(_themes_json()).label("themes"), frozen(accounts_json(OWNER)).label("accounts")
)


def me_rows(
    session: Session, person_id: str
) -> tuple[Row[Any] | None, Sequence[Any], Sequence[Any]]:
    """(the person with the current charter and their department, their themes with counts,
    their accounts: rows, or dicts from PostgreSQL's JSON); (None, [], []) for nobody."""
    conn = session.connection()
    params = {"person_id": person_id}
    if conn.dialect.name == "postgresql":
        row = conn.execute(ME_PERSON_WITH_LISTS, params).first()
        return (None, [], []) if row is None else (row, row.themes, row.accounts)
    person = conn.execute(ME_PERSON, params).first()
    if person is None:
        return None, [], []
    return person, conn.execute(ME_THEMES, params).all(), conn.execute(ME_ACCOUNTS, params).all()


async def me_rows_read(
    app: Any, person_id: str
) -> tuple[Row[Any] | None, Sequence[Any], Sequence[Any]]:
    """me_rows through relais_common.db.read_rows (GET /me's fast read): the same statements."""
    params = {"person_id": person_id}
    if app.state.engine.dialect.name == "postgresql":
        rows = await read_rows(app, ME_PERSON_WITH_LISTS, params)
        return (None, [], []) if not rows else (rows[0], rows[0].themes, rows[0].accounts)
    people = await read_rows(app, ME_PERSON, params)
    if not people:
        return None, [], []
    return (
        people[0],
        await read_rows(app, ME_THEMES, params),
        await read_rows(app, ME_ACCOUNTS, params),
    )
