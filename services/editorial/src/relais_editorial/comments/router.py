"""Comments on a grid and its variants: members read, the committee writes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from relais_common.db import DbSession
from relais_common.routing import api_router

from relais_editorial.comments import service
from relais_editorial.comments.schemas import CommentCreate, CommentList, CommentRead
from relais_editorial.grids.service import grid_or_404
from relais_editorial.networks.auth import CommitteeOf, MemberOf

router = api_router("comments")
COMMENTS = "/networks/{slug}/grids/{grid_id}/comments"


@router.get(COMMENTS, response_model=CommentList, name="list")
def list_comments(
    grid_id: str,
    session: DbSession,
    access: MemberOf,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 100,
) -> CommentList:
    grid = grid_or_404(session, access, grid_id)
    return service.list_comments(session, access, grid, cursor=cursor, limit=limit)


@router.post(COMMENTS, response_model=CommentRead, status_code=201, name="create")
def create_comment(
    grid_id: str, body: CommentCreate, session: DbSession, access: CommitteeOf
) -> CommentRead:
    """On the grid, or on one of its variants (``variant_id``)."""
    return service.create(session, access, grid_or_404(session, access, grid_id), body)
