from __future__ import annotations

from relais_common.auth import AdminUser
from relais_common.db import DbSession

from relais_ambassadors.moderation import service
from relais_ambassadors.moderation.schemas import ModerationItem, Rejection
from relais_ambassadors.problems import api_router

router = api_router("moderation")


@router.get("/admin/moderation", response_model=list[ModerationItem], name="queue")
def moderation_queue(session: DbSession, _admin: AdminUser) -> list[ModerationItem]:
    return [service.item(session, p) for p in service.queue(session)]


@router.post(
    "/admin/moderation/{ambassador_id}/approve", response_model=ModerationItem, name="approve"
)
def approve(ambassador_id: str, session: DbSession, _admin: AdminUser) -> ModerationItem:
    return service.item(session, service.approve(session, ambassador_id))


@router.post(
    "/admin/moderation/{ambassador_id}/reject", response_model=ModerationItem, name="reject"
)
def reject(
    ambassador_id: str, body: Rejection, session: DbSession, _admin: AdminUser
) -> ModerationItem:
    return service.item(session, service.reject(session, ambassador_id, body.reason))
