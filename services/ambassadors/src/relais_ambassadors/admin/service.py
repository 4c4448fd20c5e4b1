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
    items = []
    for person in rows:
        me = me_view(session, person)
        items.append(
            AdminAmbassador(
                **me.model_dump(
                    include={"id", "email", "display_name", "roles", "status", "created_at"}
                ),
                department=me.department,
                listing=me.listing,
                accounts_count=counts.get(person.id, 0),
            )
        )
    return items, next_cursor
