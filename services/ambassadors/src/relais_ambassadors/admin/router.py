"""The core team's list of every ambassador, by status."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query
from relais_common.auth import AdminUser
from relais_common.db import DbSession
from relais_common.pagination import MAX_LIMIT, Page

from relais_ambassadors.admin.service import ambassadors_page
from relais_ambassadors.moderation.schemas import AdminAmbassador
from relais_ambassadors.problems import api_router

router = api_router("admin")


@router.get("/admin/ambassadors", response_model=Page[AdminAmbassador], name="ambassadors")
def list_ambassadors(
    session: DbSession,
    _admin: AdminUser,
    status: Literal["pending", "active", "suspended"] | None = None,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
) -> Page[AdminAmbassador]:
    items, next_cursor = ambassadors_page(session, status=status, cursor=cursor, limit=limit)
    return Page[AdminAmbassador](items=items, next_cursor=next_cursor)
