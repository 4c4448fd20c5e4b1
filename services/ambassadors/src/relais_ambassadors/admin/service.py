"""The core team's view of every ambassador."""

from __future__ import annotations

from relais_common.pagination import paginate
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from relais_ambassadors.filters import status_is
from relais_ambassadors.models import Ambassador, SocialAccount
from relais_ambassadors.moderation.schemas import AdminAmbassador
from relais_ambassadors.publication import current_charter_version
from relais_ambassadors.views import count_by, me_view


def ambassadors_page(
    session: Session, *, status: str | None, cursor: str | None, limit: int
) -> tuple[list[AdminAmbassador], str | None]:
    stmt = select(Ambassador)
    if status:
        stmt = stmt.where(status_is(status, current_charter_version(session)))
    rows, next_cursor = paginate(
        session, stmt, sort=Ambassador.email, tiebreak=Ambassador.id, cursor=cursor, limit=limit
    )
    counts = count_by(
        session,
        select(SocialAccount.ambassador_id, func.count())
        .where(SocialAccount.ambassador_id.in_([p.id for p in rows]))
        .group_by(SocialAccount.ambassador_id),
    )
    return [admin_view(session, p, counts.get(p.id, 0)) for p in rows], next_cursor


def admin_view(
    session: Session, person: Ambassador, accounts_count: int | None = None
) -> AdminAmbassador:
    if accounts_count is None:
        accounts_count = (
            session.scalar(select(func.count()).where(SocialAccount.ambassador_id == person.id))
            or 0
        )
    me = me_view(session, person)
    return AdminAmbassador(
        **me.model_dump(include={"id", "email", "display_name", "roles", "status", "created_at"}),
        department=me.department,
        listing=me.listing,
        accounts_count=accounts_count,
    )
