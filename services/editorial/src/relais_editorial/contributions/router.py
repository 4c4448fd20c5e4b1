"""Suggest content to a network; the committee's inbox; the author's own suggestions."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query
from relais_common.auth import VerifiedUser
from relais_common.db import DbSession
from relais_common.pagination import Page
from relais_common.routing import api_router

from relais_editorial.access import CommitteeReader, VisibleTo
from relais_editorial.contributions import service
from relais_editorial.contributions.repository import ContributionRepository
from relais_editorial.contributions.schemas import (
    Acceptance,
    ContributionCreate,
    ContributionRead,
    ContributionStatus,
    Decline,
    InboxCount,
)
from relais_editorial.networks.auth import CommitteeOf

router = api_router("contributions")
BASE = "/networks/{slug}/contributions"
Limit = Annotated[int, Query(ge=1, le=100)]
Cursor = Annotated[str | None, Query(max_length=500)]


@router.post(BASE, status_code=201, response_model=ContributionRead, name="submit")
def submit(body: ContributionCreate, access: VisibleTo, session: DbSession) -> ContributionRead:
    """Suggest a link or a draft, with a note for the committee."""
    created = service.submit(
        session,
        network=access.network,
        author_id=access.person_id,
        member_name=service.member_name(session, access),
        body=body,
    )
    return ContributionRead.model_validate(created)


@router.get(BASE, response_model=Page[ContributionRead], name="inbox")
def inbox(
    access: CommitteeReader,
    session: DbSession,
    status: ContributionStatus | Literal["all"] = "pending",
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[ContributionRead]:
    """The committee's inbox, oldest first: pending ones unless `status` says otherwise."""
    rows, next_cursor = ContributionRepository(session).page_of_network(
        access.network.id, status=None if status == "all" else status, cursor=cursor, limit=limit
    )
    return Page[ContributionRead](
        items=[ContributionRead.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.get(f"{BASE}/count", response_model=InboxCount, name="count")
def count(access: CommitteeReader, session: DbSession) -> InboxCount:
    return InboxCount(pending=ContributionRepository(session).pending_count(access.network.id))


@router.post(f"{BASE}/{{contribution_id}}/accept", response_model=ContributionRead, name="accept")
def accept(
    contribution_id: str, body: Acceptance, access: CommitteeOf, session: DbSession
) -> ContributionRead:
    """It becomes a calendar entry or a brief, its author credited."""
    accepted = service.accept(
        session,
        access=access,
        contribution_id=contribution_id,
        decider_id=access.person_id,
        body=body,
    )
    return ContributionRead.model_validate(accepted)


@router.post(f"{BASE}/{{contribution_id}}/decline", response_model=ContributionRead, name="decline")
def decline(
    contribution_id: str, body: Decline, access: CommitteeOf, session: DbSession
) -> ContributionRead:
    declined = service.decline(
        session,
        network_id=access.network.id,
        contribution_id=contribution_id,
        decider_id=access.person_id,
        note=body.note,
    )
    return ContributionRead.model_validate(declined)


@router.get("/me/contributions", response_model=Page[ContributionRead], name="mine")
def mine(
    user: VerifiedUser, session: DbSession, cursor: Cursor = None, limit: Limit = 50
) -> Page[ContributionRead]:
    """What you suggested, newest first, with the committee's answer."""
    rows, next_cursor = ContributionRepository(session).page_of_author(
        user.user_id, cursor=cursor, limit=limit
    )
    return Page[ContributionRead](
        items=[ContributionRead.model_validate(r) for r in rows], next_cursor=next_cursor
    )
