"""The core team's list of every ambassador, by status; suspension and reinstatement."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query
from relais_common.auth import AdminUser
from relais_common.db import DbSession
from relais_common.pagination import MAX_LIMIT, Page

from relais_ambassadors.admin import roles, suspension
from relais_ambassadors.admin.service import admin_view, ambassadors_page
from relais_ambassadors.moderation.schemas import AdminAmbassador, RoleChange, Suspension
from relais_ambassadors.problems import api_router

router = api_router("admin")


@router.get("/admin/ambassadors", response_model=Page[AdminAmbassador], name="ambassadors")
def list_ambassadors(
    session: DbSession,
    _admin: AdminUser,
    status: Literal["pending", "active", "suspended"] | None = None,
    q: Annotated[str | None, Query(max_length=100, description="Name or e-mail fragment")] = None,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
) -> Page[AdminAmbassador]:
    items, next_cursor = ambassadors_page(session, status=status, q=q, cursor=cursor, limit=limit)
    return Page[AdminAmbassador](items=items, next_cursor=next_cursor)


@router.post(
    "/admin/ambassadors/{ambassador_id}/suspend", response_model=AdminAmbassador, name="suspend"
)
def suspend(
    ambassador_id: str, body: Suspension, session: DbSession, admin: AdminUser
) -> AdminAmbassador:
    """Unlist the person at once and refuse their sign-ins until reinstated."""
    return admin_view(session, suspension.suspend(session, ambassador_id, admin, body.reason))


@router.post(
    "/admin/ambassadors/{ambassador_id}/reinstate",
    response_model=AdminAmbassador,
    name="reinstate",
)
def reinstate(ambassador_id: str, session: DbSession, admin: AdminUser) -> AdminAmbassador:
    """Lift a suspension; the public listing comes back if consent and moderation allow it."""
    return admin_view(session, suspension.reinstate(session, ambassador_id, admin))


@router.put(
    "/admin/ambassadors/{ambassador_id}/roles", response_model=AdminAmbassador, name="roles"
)
def set_roles(
    ambassador_id: str, body: RoleChange, session: DbSession, admin: AdminUser
) -> AdminAmbassador:
    """Grant or revoke the admin role (409 for the last active admin)."""
    return admin_view(session, roles.set_admin(session, ambassador_id, admin, body.admin))
