"""Briefs: the committee writes them; the assignee sees theirs and reports progress."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Response
from relais_common.auth import VerifiedUser
from relais_common.concurrency import IfMatch, set_etag
from relais_common.db import DbSession
from relais_common.pagination import Page
from relais_common.routing import api_router

from relais_editorial.access import CommitteeReader
from relais_editorial.briefs import service
from relais_editorial.briefs.repository import BriefRepository
from relais_editorial.briefs.schemas import (
    BriefCreate,
    BriefRead,
    BriefStatus,
    BriefStatusChange,
    BriefUpdate,
)
from relais_editorial.networks.auth import CommitteeOf

router = api_router("briefs")
BASE = "/networks/{slug}/briefs"
Limit = Annotated[int, Query(ge=1, le=100)]
Cursor = Annotated[str | None, Query(max_length=500)]


def _read(brief: object, response: Response) -> BriefRead:
    read = BriefRead.model_validate(brief)
    set_etag(response, read.id, read.version)
    return read


@router.get(BASE, response_model=Page[BriefRead], name="list")
def list_briefs(
    access: CommitteeReader,
    session: DbSession,
    status: BriefStatus | None = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[BriefRead]:
    rows, next_cursor = BriefRepository(session).page_of_network(
        access.network.id, status=status, cursor=cursor, limit=limit
    )
    return Page[BriefRead](
        items=[BriefRead.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.post(BASE, status_code=201, response_model=BriefRead, name="create")
def create(
    body: BriefCreate, access: CommitteeOf, session: DbSession, response: Response
) -> BriefRead:
    brief = service.create(
        session, network_id=access.network.id, author_id=access.person_id, body=body
    )
    return _read(brief, response)


@router.get(f"{BASE}/{{brief_id}}", response_model=BriefRead, name="read")
def read(
    brief_id: str, access: CommitteeReader, session: DbSession, response: Response
) -> BriefRead:
    return _read(service.get(session, network_id=access.network.id, brief_id=brief_id), response)


@router.patch(f"{BASE}/{{brief_id}}", response_model=BriefRead, name="update")
def update(
    brief_id: str,
    body: BriefUpdate,
    access: CommitteeOf,
    session: DbSession,
    response: Response,
    if_match: IfMatch = None,
) -> BriefRead:
    """Send only the fields you change, with the ETag you read (412 when it is stale)."""
    brief = service.update(
        session, network_id=access.network.id, brief_id=brief_id, body=body, if_match=if_match
    )
    return _read(brief, response)


@router.delete(f"{BASE}/{{brief_id}}", status_code=204, name="delete")
def delete(
    brief_id: str, access: CommitteeOf, session: DbSession, if_match: IfMatch = None
) -> None:
    service.delete(session, network_id=access.network.id, brief_id=brief_id, if_match=if_match)


@router.get("/me/briefs", response_model=Page[BriefRead], name="mine")
def mine(
    user: VerifiedUser,
    session: DbSession,
    open_only: bool = False,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[BriefRead]:
    """The briefs assigned to you (`open_only`: open or in progress)."""
    rows, next_cursor = BriefRepository(session).page_assigned_to(
        user.user_id, open_only=open_only, cursor=cursor, limit=limit
    )
    return Page[BriefRead](
        items=[BriefRead.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.put("/me/briefs/{brief_id}/status", response_model=BriefRead, name="set_my_status")
def set_my_status(
    brief_id: str,
    body: BriefStatusChange,
    user: VerifiedUser,
    session: DbSession,
    response: Response,
    if_match: IfMatch = None,
) -> BriefRead:
    """Mark a brief assigned to you in progress or delivered."""
    brief = service.set_status_as_assignee(
        session, person_id=user.user_id, brief_id=brief_id, status=body.status, if_match=if_match
    )
    return _read(brief, response)
