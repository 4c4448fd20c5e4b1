"""All SQL about message grids and their variants."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from relais_common.repository import RepositoryBase
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from relais_editorial.grids.models import MessageGrid, MessageVariant


class GridRepository(RepositoryBase[MessageGrid]):
    model = MessageGrid

    def in_network(
        self, network_id: str, grid_id: str, *, for_update: bool = False
    ) -> MessageGrid | None:
        statement = select(MessageGrid).where(
            MessageGrid.id == grid_id, MessageGrid.network_id == network_id
        )
        if for_update:
            statement = statement.with_for_update()
        return self.get_one_or_none(statement)

    def of_network_expiring(self, network_id: str, after: datetime) -> Sequence[MessageGrid]:
        """The network's grids that will expire after ``after`` (a cached view's end)."""
        return self.get_all(
            select(MessageGrid).where(
                MessageGrid.network_id == network_id, MessageGrid.expires_at > after
            )
        )

    def of_entry(self, entry_id: str) -> Sequence[MessageGrid]:
        return self.get_all(
            select(MessageGrid)
            .where(MessageGrid.entry_id == entry_id)
            .order_by(MessageGrid.created_at, MessageGrid.id)
        )

    def in_review(self, network_ids: list[str], limit: int) -> Sequence[MessageGrid]:
        """Grids awaiting review in these networks, the longest waiting first."""
        if not network_ids:
            return []
        return self.get_all(
            select(MessageGrid)
            .where(MessageGrid.network_id.in_(network_ids), MessageGrid.status == "in_review")
            .order_by(MessageGrid.submitted_at, MessageGrid.id)
            .limit(limit)
        )

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

    def of_grids(self, grid_ids: list[str]) -> Sequence[MessageVariant]:
        if not grid_ids:
            return []
        return self.get_all(
            select(MessageVariant)
            .where(MessageVariant.grid_id.in_(grid_ids))
            .order_by(
                MessageVariant.platform,
                MessageVariant.language,
                MessageVariant.position,
                MessageVariant.created_at,
            )
        )

    def in_network(
        self, network_id: str, variant_id: str, *, for_update: bool = False
    ) -> MessageVariant | None:
        statement = (
            select(MessageVariant)
            .join(MessageGrid, MessageGrid.id == MessageVariant.grid_id)
            .where(MessageVariant.id == variant_id, MessageGrid.network_id == network_id)
        )
        if for_update:
            statement = statement.with_for_update(of=MessageVariant)
        return self.get_one_or_none(statement)

    def next_position(self, grid_id: str, platform: str, language: str) -> int:
        found = self.session.scalar(
            select(func.max(MessageVariant.position)).where(
                MessageVariant.grid_id == grid_id,
                MessageVariant.platform == platform,
                MessageVariant.language == language,
            )
        )
        return 0 if found is None else int(found) + 1


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
