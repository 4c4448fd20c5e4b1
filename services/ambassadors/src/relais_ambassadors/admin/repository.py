"""SQL for the core team's view of every ambassador, and the admins' rows a revocation locks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relais_common.pagination import paginate
from sqlalchemy import String, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from relais_ambassadors.filters import status_is
from relais_ambassadors.models import Ambassador, SocialAccount


class _NormalisedName(FunctionElement[str]):
    """The first line of ``search_text``: the display name, unaccented and casefolded."""

    type = String()
    inherit_cache = True


@compiles(_NormalisedName)
def _first_line_sqlite(element: _NormalisedName, compiler: Any, **kw: Any) -> str:
    text = compiler.process(element.clauses, **kw)
    return f"substr({text}, 1, instr({text} || char(10), char(10)) - 1)"


@compiles(_NormalisedName, "postgresql")
def _first_line_pg(element: _NormalisedName, compiler: Any, **kw: Any) -> str:
    return f"split_part({compiler.process(element.clauses, **kw)}, chr(10), 1)"


def ambassadors_page(
    session: Session,
    *,
    status: str | None,
    current: int | None,
    name: str | None,
    email: str | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[Ambassador], str | None]:
    """Everyone by e-mail address; ``name`` (normalised) or ``email`` (lowercased) narrows to
    a fragment of the name or of the address."""
    stmt = select(Ambassador)
    if status:
        stmt = stmt.where(status_is(status, current))
    if name is not None and email is not None:
        stmt = stmt.where(
            or_(
                _NormalisedName(Ambassador.search_text).contains(name, autoescape=True),
                func.lower(Ambassador.email).contains(email, autoescape=True),
            )
        )
    return paginate(
        session, stmt, sort=Ambassador.email, tiebreak=Ambassador.id, cursor=cursor, limit=limit
    )


def accounts_counts(session: Session, person_ids: Sequence[str]) -> dict[str, int]:
    """How many social accounts each of these people declared (absent: none), in one query."""
    stmt = (
        select(SocialAccount.ambassador_id, func.count())
        .where(SocialAccount.ambassador_id.in_(person_ids))
        .group_by(SocialAccount.ambassador_id)
    )
    return {str(key): int(n) for key, n in session.execute(stmt).all()}


def lock_other_active_admins(session: Session, person_id: str) -> Sequence[str]:
    """Lock the rows of the active admins other than ``person_id`` (FOR UPDATE), their ids."""
    return session.scalars(
        select(Ambassador.id)
        .where(
            Ambassador.is_admin.is_(True),
            Ambassador.suspended_at.is_(None),
            Ambassador.id != person_id,
        )
        .with_for_update()
    ).all()
