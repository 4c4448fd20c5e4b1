"""Cursor pagination: one helper for every list endpoint."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field
from sqlalchemy import DateTime, Select, literal, tuple_
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from relais_common.errors import field_error

T = TypeVar("T")
MAX_LIMIT = 200


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        None, description="Pass as `cursor` to get the next page; null on the last page."
    )


def encode_cursor(values: list[Any]) -> str:
    raw = json.dumps(values, default=str, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise field_error("cursor", "This cursor is not valid; start again without it.") from exc
    if not isinstance(values, list):
        raise field_error("cursor", "This cursor is not valid; start again without it.")
    return values


def _typed(column: InstrumentedAttribute[Any], value: Any) -> Any:
    """A cursor value bound with its column's type (datetimes travel as ISO strings)."""
    invalid = field_error("cursor", "This cursor is not valid; start again without it.")
    sql_type = column.type
    if isinstance(sql_type, DateTime) or isinstance(getattr(sql_type, "impl", None), DateTime):
        try:
            value = datetime.fromisoformat(value)
        except (TypeError, ValueError) as exc:
            raise invalid from exc
        if value.tzinfo is None:
            raise invalid
    elif not isinstance(value, str | int | float):
        raise invalid
    return literal(value, type_=sql_type)


def after_cursor(
    sort: InstrumentedAttribute[Any],
    tiebreak: InstrumentedAttribute[Any],
    cursor: str | None,
    *,
    descending: bool = False,
) -> ColumnElement[bool] | None:
    """The keyset condition "after this cursor" (None without a cursor), as paginate applies it."""
    if not cursor:
        return None
    values = decode_cursor(cursor)
    if len(values) != 2:
        raise field_error("cursor", "This cursor is not valid; start again without it.")
    key = tuple_(sort, tiebreak)
    after = tuple_(_typed(sort, values[0]), _typed(tiebreak, values[1]))
    return key < after if descending else key > after


def paginate(
    session: Session,
    stmt: Select[Any],
    *,
    sort: InstrumentedAttribute[Any],
    tiebreak: InstrumentedAttribute[Any],
    cursor: str | None,
    limit: int,
    descending: bool = False,
    rows: bool = False,
) -> tuple[list[Any], str | None]:
    """Keyset pagination on (sort, tiebreak); returns the rows and the next cursor.

    Ascending by default; `descending=True` gives newest-first lists when `sort` is a date.
    `rows=True` returns Core rows straight from the connection (a select of columns that
    includes sort and tiebreak; no ORM instances, no autoflush): for read-only pages.
    """
    limit = max(1, min(limit, MAX_LIMIT))
    after = after_cursor(sort, tiebreak, cursor, descending=descending)
    if after is not None:
        stmt = stmt.where(after)
    order = (sort.desc(), tiebreak.desc()) if descending else (sort, tiebreak)
    stmt = stmt.order_by(*order).limit(limit + 1)
    items = list(session.connection().execute(stmt).all() if rows else session.scalars(stmt))
    return cut(items, limit, sort.key, tiebreak.key)


def cut(items: list[Any], limit: int, sort: str, tiebreak: str) -> tuple[list[Any], str | None]:
    """A page from the `limit + 1` items a query gave, and the cursor after it (None when no
    item was left over). For a statement built once for its first page (paginate builds it
    each time): that statement must order by (sort, tiebreak) and fetch `limit + 1`."""
    if len(items) <= limit:
        return items, None
    items = items[:limit]
    last = items[-1]
    return items, encode_cursor([getattr(last, sort), getattr(last, tiebreak)])
