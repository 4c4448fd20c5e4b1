"""The review workflow's actions, a grid's history, and my review queue."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Response
from relais_common.auth import VerifiedUser
from relais_common.concurrency import IfMatch, set_etag
from relais_common.db import DbSession
from relais_common.routing import api_router

from relais_editorial.config import EditorialSettings
from relais_editorial.grids.schemas import GridRead
from relais_editorial.grids.service import grid_or_404
from relais_editorial.networks.auth import ChairOf, CommitteeOf, MemberOf
from relais_editorial.reviews import service
from relais_editorial.reviews.schemas import ChangeRequest, ReviewAction, ReviewQueue, RevisionList

router = api_router("reviews")
GRID = "/networks/{slug}/grids/{grid_id}"


def _answer(response: Response, grid: GridRead) -> GridRead:
    set_etag(response, grid.id, grid.version)
    return grid


@router.post(f"{GRID}/submit", response_model=GridRead, name="submit")
def submit(
    grid_id: str,
    body: ReviewAction,
    session: DbSession,
    access: CommitteeOf,
    settings: EditorialSettings,
    response: Response,
    if_match: IfMatch = None,
) -> GridRead:
    """Send a draft (or a grid sent back) for review; in the "none" mode it is approved."""
    grid = service.submit(
        session, access, grid_id, if_match, body.comment, settings.default_disclosure
    )
    return _answer(response, grid)


@router.post(f"{GRID}/approve", response_model=GridRead, name="approve")
def approve(
    grid_id: str,
    body: ReviewAction,
    session: DbSession,
    access: CommitteeOf,
    settings: EditorialSettings,
    response: Response,
    if_match: IfMatch = None,
) -> GridRead:
    """Approve (at the current step in multi-step mode); never one's own grid."""
    grid = service.approve(
        session, access, grid_id, if_match, body.comment, settings.default_disclosure
    )
    return _answer(response, grid)


@router.post(f"{GRID}/request-changes", response_model=GridRead, name="request_changes")
def request_changes(
    grid_id: str,
    body: ChangeRequest,
    session: DbSession,
    access: CommitteeOf,
    settings: EditorialSettings,
    response: Response,
    if_match: IfMatch = None,
) -> GridRead:
    grid = service.request_changes(
        session, access, grid_id, if_match, body.comment, settings.default_disclosure
    )
    return _answer(response, grid)


@router.post(f"{GRID}/publish", response_model=GridRead, name="publish")
def publish(
    grid_id: str,
    body: ReviewAction,
    session: DbSession,
    access: ChairOf,
    settings: EditorialSettings,
    response: Response,
    if_match: IfMatch = None,
) -> GridRead:
    grid = service.publish(
        session, access, grid_id, if_match, body.comment, settings.default_disclosure
    )
    return _answer(response, grid)


@router.post(f"{GRID}/archive", response_model=GridRead, name="archive")
def archive(
    grid_id: str,
    body: ReviewAction,
    session: DbSession,
    access: ChairOf,
    settings: EditorialSettings,
    response: Response,
    if_match: IfMatch = None,
) -> GridRead:
    grid = service.archive(
        session, access, grid_id, if_match, body.comment, settings.default_disclosure
    )
    return _answer(response, grid)


@router.get(f"{GRID}/history", response_model=RevisionList, name="history")
def grid_history(
    grid_id: str,
    session: DbSession,
    access: MemberOf,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> RevisionList:
    """Who changed what and when, oldest first, with the diffs."""
    grid = grid_or_404(session, access, grid_id)
    return service.revisions(session, access, grid, cursor=cursor, limit=limit)


@router.get("/reviews/queue", response_model=ReviewQueue, name="queue")
def review_queue(session: DbSession, user: VerifiedUser) -> ReviewQueue:
    """Grids awaiting my approval, across my networks, with their count."""
    return service.review_queue(session, user.user_id)
