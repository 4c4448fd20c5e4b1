"""All SQL about message grids and their variants."""

from __future__ import annotations

from collections.abc import Sequence

from relais_common.repository import RepositoryBase
from sqlalchemy import select, update

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
