"""All SQL about comments."""

from __future__ import annotations

from collections.abc import Sequence

from relais_common.repository import RepositoryBase
from sqlalchemy import select, update

from relais_editorial.comments.models import GridComment


class CommentRepository(RepositoryBase[GridComment]):
    model = GridComment

    def page(
        self, grid_id: str, *, cursor: str | None, limit: int
    ) -> tuple[list[GridComment], str | None]:
        statement = select(GridComment).where(GridComment.grid_id == grid_id)
        return self.paginate(
            statement,
            sort=GridComment.created_at,
            tiebreak=GridComment.id,
            cursor=cursor,
            limit=limit,
        )

    def written_by(self, person_id: str) -> Sequence[GridComment]:
        return self.get_all(
            select(GridComment)
            .where(GridComment.author_id == person_id)
            .order_by(GridComment.created_at, GridComment.id)
        )

    def forget_author(self, person_id: str) -> None:
        self.execute(
            update(GridComment).where(GridComment.author_id == person_id).values(author_id=None)
        )
