"""The core team's view of every ambassador (a page costs a constant number of queries)."""

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
from relais_ambassadors.moderation.schemas import AdminAmbassador
from relais_ambassadors.publication import current_charter_version, status_of
from relais_ambassadors.search_text import normalise
from relais_ambassadors.views import count_by, departments_by_id, listing_state, roles_of


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
    session: Session, *, status: str | None, q: str | None, cursor: str | None, limit: int
) -> tuple[list[AdminAmbassador], str | None]:
    current = current_charter_version(session)
    stmt = select(Ambassador)
    if status:
        stmt = stmt.where(status_is(status, current))
    if q and q.strip():
        # a fragment of the name (accents and case ignored) or of the e-mail address
        stmt = stmt.where(
            or_(
                _NormalisedName(Ambassador.search_text).contains(normalise(q), autoescape=True),
                func.lower(Ambassador.email).contains(q.strip().lower(), autoescape=True),
            )
        )
    rows, next_cursor = paginate(
        session, stmt, sort=Ambassador.email, tiebreak=Ambassador.id, cursor=cursor, limit=limit
    )
    return admin_views(session, rows, current), next_cursor


def admin_views(
    session: Session, rows: Sequence[Ambassador], current: int | None = None
) -> list[AdminAmbassador]:
    if current is None:
        current = current_charter_version(session)
    departments = departments_by_id(session, [p.department_id for p in rows])
    counts = count_by(
        session,
        select(SocialAccount.ambassador_id, func.count())
        .where(SocialAccount.ambassador_id.in_([p.id for p in rows]))
        .group_by(SocialAccount.ambassador_id),
    )
    return [
        AdminAmbassador(
            id=p.id,
            email=p.email,
            display_name=p.display_name,
            roles=roles_of(p),
            department=departments.get(p.department_id or ""),
            status=status_of(p, current),
            listing=listing_state(p, current),
            accounts_count=counts.get(p.id, 0),
            created_at=p.created_at,
        )
        for p in rows
    ]


def admin_view(session: Session, person: Ambassador) -> AdminAmbassador:
    session.flush()
    return admin_views(session, [person])[0]
