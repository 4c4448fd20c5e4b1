"""The core team's list of every ambassador, by status."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query
from relais_common.auth import AdminUser
from relais_common.db import DbSession
from relais_common.pagination import MAX_LIMIT, Page, paginate
from sqlalchemy import func, select

from relais_ambassadors.filters import status_is
from relais_ambassadors.models import Ambassador, SocialAccount
from relais_ambassadors.moderation.schemas import AdminAmbassador
from relais_ambassadors.problems import api_router
from relais_ambassadors.publication import current_charter_version
from relais_ambassadors.views import count_by, me_view

router = api_router("admin")


@router.get("/admin/ambassadors", response_model=Page[AdminAmbassador], name="ambassadors")
def list_ambassadors(
    session: DbSession,
    _admin: AdminUser,
    status: Literal["pending", "active", "suspended"] | None = None,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
) -> Page[AdminAmbassador]:
    stmt = select(Ambassador)
    if status:
        stmt = stmt.where(status_is(status, current_charter_version(session)))
    rows, next_cursor = paginate(
        session, stmt, sort=Ambassador.email, tiebreak=Ambassador.id, cursor=cursor, limit=limit
    )
    counts = count_by(
        session,
        (
            select(SocialAccount.ambassador_id, func.count())
            .where(SocialAccount.ambassador_id.in_([p.id for p in rows]))
            .group_by(SocialAccount.ambassador_id)
        ),
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
    return Page[AdminAmbassador](items=items, next_cursor=next_cursor)
