from __future__ import annotations

from typing import Annotated

from fastapi import Query, Response
from relais_common.auth import AdminUser
from relais_common.concurrency import IfMatch, check_if_match, set_etag
from relais_common.db import DbSession

from relais_ambassadors.moderation import policy, repository, service
from relais_ambassadors.moderation.items import items
from relais_ambassadors.moderation.schemas import (
    BulkDecision,
    BulkOutcome,
    ModerationItem,
    PendingCount,
    Policy,
    Rejection,
)
from relais_ambassadors.problems import api_router

router = api_router("moderation")
POLICY = "moderation-policy"


@router.get("/admin/moderation", response_model=list[ModerationItem], name="queue")
def moderation_queue(
    session: DbSession, _admin: AdminUser, limit: Annotated[int, Query(ge=1, le=100)] = 50
) -> list[ModerationItem]:
    """First listings, then changes to listed people, oldest first (decide to see more)."""
    return items(session, repository.queue(session, limit))


@router.get("/admin/moderation/count", response_model=PendingCount, name="count")
def pending_count(session: DbSession, _admin: AdminUser) -> PendingCount:
    return service.pending_count(session)


@router.post("/admin/moderation/bulk", response_model=BulkOutcome, name="bulk")
def decide_many(body: BulkDecision, session: DbSession, _admin: AdminUser) -> BulkOutcome:
    """Approve or reject up to 50 people at once; each gets its own result."""
    results = service.decide_many(session, body.action, body.ambassador_ids, body.reason)
    return BulkOutcome(results=results)


@router.get("/admin/moderation/policy", response_model=Policy, name="policy")
def read_policy(session: DbSession, _admin: AdminUser, response: Response) -> Policy:
    row = policy.current(session)
    set_etag(response, POLICY, row.version)
    return Policy(moderate_changes=row.moderate_changes)


@router.put("/admin/moderation/policy", response_model=Policy, name="set_policy")
def write_policy(
    body: Policy,
    session: DbSession,
    _admin: AdminUser,
    response: Response,
    if_match: IfMatch = None,
) -> Policy:
    check_if_match(if_match, POLICY, policy.current(session).version)
    row = service.set_policy(session, body.moderate_changes)
    set_etag(response, POLICY, row.version)
    return Policy(moderate_changes=row.moderate_changes)


@router.post(
    "/admin/moderation/{ambassador_id}/approve", response_model=ModerationItem, name="approve"
)
def approve(ambassador_id: str, session: DbSession, _admin: AdminUser) -> ModerationItem:
    """Approve a first listing, or a listed person's change (it goes public)."""
    return items(session, [service.approve(session, ambassador_id)])[0]


@router.post(
    "/admin/moderation/{ambassador_id}/reject", response_model=ModerationItem, name="reject"
)
def reject(
    ambassador_id: str, body: Rejection, session: DbSession, _admin: AdminUser
) -> ModerationItem:
    """Reject a first listing, or decline a change (the approved version stays public)."""
    return items(session, [service.reject(session, ambassador_id, body.reason)])[0]
