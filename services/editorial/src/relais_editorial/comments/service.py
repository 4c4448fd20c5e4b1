"""Comments: the committee writes them (review comments land here too), members read."""

from __future__ import annotations

from relais_common.errors import field_error
from sqlalchemy.orm import Session

from relais_editorial.comments.models import GridComment
from relais_editorial.comments.repository import CommentRepository
from relais_editorial.comments.schemas import CommentCreate, CommentList, CommentRead
from relais_editorial.grids.models import MessageGrid
from relais_editorial.grids.repository import VariantRepository
from relais_editorial.networks.auth import NetworkAccess
from relais_editorial.networks.repository import RoleRepository


def add_comment(
    session: Session, grid: MessageGrid, author_id: str, body: str, *, variant_id: str | None
) -> GridComment:
    return CommentRepository.from_session(session).create(
        GridComment(grid_id=grid.id, variant_id=variant_id, author_id=author_id, body=body),
        flush=True,
    )


def comment_read(comment: GridComment, names: dict[str, str]) -> CommentRead:
    return CommentRead(
        id=comment.id,
        grid_id=comment.grid_id,
        variant_id=comment.variant_id,
        author_id=comment.author_id,
        author_name=names.get(comment.author_id) if comment.author_id else None,
        body=comment.body,
        created_at=comment.created_at,
    )


def create(
    session: Session, access: NetworkAccess, grid: MessageGrid, body: CommentCreate
) -> CommentRead:
    if body.variant_id is not None:
        variant = VariantRepository.from_session(session).in_network(
            access.network.id, body.variant_id
        )
        if variant is None or variant.grid_id != grid.id:
            raise field_error("variant_id", "This grid has no such variant.")
    comment = add_comment(session, grid, access.person_id, body.body, variant_id=body.variant_id)
    names = RoleRepository.from_session(session).names(access.network.id, {access.person_id})
    return comment_read(comment, names)


def list_comments(
    session: Session, access: NetworkAccess, grid: MessageGrid, *, cursor: str | None, limit: int
) -> CommentList:
    rows, next_cursor = CommentRepository.from_session(session).page(
        grid.id, cursor=cursor, limit=limit
    )
    names = RoleRepository.from_session(session).names(
        access.network.id, {c.author_id for c in rows if c.author_id}
    )
    return CommentList(items=[comment_read(c, names) for c in rows], next_cursor=next_cursor)
