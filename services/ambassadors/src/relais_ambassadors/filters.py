"""SQL conditions on an ambassador's status (status depends on the current charter)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, false, or_, true
from sqlalchemy.sql.elements import ColumnElement

from relais_ambassadors.models import Ambassador


def status_is(status: str, current_version: int | ColumnElement[Any] | None) -> ColumnElement[Any]:
    """`current_version`: the current charter's version, or (for "active" only) that version
    as SQL, a scalar subquery NULL when there is no charter, for a statement built once."""
    not_suspended = Ambassador.suspended_at.is_(None)
    if status == "suspended":
        return Ambassador.suspended_at.is_not(None)
    if isinstance(current_version, ColumnElement):
        if status != "active":
            raise ValueError("only status_is('active', ...) takes the version as SQL")
        current = current_version
        return and_(
            not_suspended,
            or_(current.is_(None), Ambassador.accepted_charter_version == current),
        )
    if current_version is None:
        return not_suspended if status == "active" else false()
    accepted = Ambassador.accepted_charter_version == current_version
    if status == "active":
        return and_(not_suspended, accepted)
    return and_(
        not_suspended,
        or_(
            Ambassador.accepted_charter_version.is_(None),
            Ambassador.accepted_charter_version != current_version,
        ),
    )


def anything() -> ColumnElement[Any]:
    return true()
