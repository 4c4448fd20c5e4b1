"""All SQL about message grids and their variants."""

from __future__ import annotations

from collections.abc import Sequence

from relais_common.repository import RepositoryBase
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from relais_editorial.grids.models import MessageGrid, MessageVariant


class GridRepository(RepositoryBase[MessageGrid]):
    model = MessageGrid

    def authored_by(self, person_id: str) -> Sequence[MessageGrid]:
        return self.get_all(
            select(MessageGrid)
            .where(MessageGrid.author_id == person_id)
            .order_by(MessageGrid.created_at, MessageGrid.id)
        )

    def forget_author(self, person_id: str) -> None:
        self.execute(
            update(MessageGrid).where(MessageGrid.author_id == person_id).values(author_id=None)
        )


class VariantRepository(RepositoryBase[MessageVariant]):
    model = MessageVariant


def grid_summaries(
    session: Session, entry_ids: list[str]
) -> tuple[Sequence[MessageGrid], dict[str, dict[str, int]]]:
    """The grids of these entries and their variant counts per platform: two queries."""
    if not entry_ids:
        return [], {}
    grids = GridRepository.from_session(session).get_all(
        select(MessageGrid)
        .where(MessageGrid.entry_id.in_(entry_ids))
        .order_by(MessageGrid.created_at, MessageGrid.id)
    )
    counts: dict[str, dict[str, int]] = {g.id: {} for g in grids}
    if grids:
        rows = session.execute(
            select(MessageVariant.grid_id, MessageVariant.platform, func.count())
            .where(MessageVariant.grid_id.in_([g.id for g in grids]))
            .group_by(MessageVariant.grid_id, MessageVariant.platform)
        ).all()
        for grid_id, platform, n in rows:
            counts[grid_id][platform] = int(n)
    return grids, counts
