"""All SQL to read and write a network's calendar whole: entries, their grids and variants.

Shared by the export/import and the preview links, which show the same content.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from relais_common.repository import RepositoryBase
from sqlalchemy import func, select

from relais_editorial.calendars.models import CalendarEntry
from relais_editorial.grids.models import MessageGrid, MessageVariant


class CalendarContentRepository(RepositoryBase[CalendarEntry]):
    model = CalendarEntry

    def entries(
        self,
        network_id: str,
        *,
        starts_before: datetime | None = None,
        ends_after: datetime | None = None,
        limit: int,
    ) -> Sequence[CalendarEntry]:
        """The network's entries overlapping the range (either end open), by start."""
        statement = select(CalendarEntry).where(CalendarEntry.network_id == network_id)
        if starts_before is not None:
            statement = statement.where(CalendarEntry.starts_at < starts_before)
        if ends_after is not None:
            statement = statement.where(CalendarEntry.ends_at >= ends_after)
        statement = statement.order_by(
            CalendarEntry.starts_at, CalendarEntry.created_at, CalendarEntry.id
        ).limit(limit)
        return self.get_all(statement)

    def grids_of(self, entry_ids: Sequence[str]) -> Sequence[MessageGrid]:
        if not entry_ids:
            return []
        statement = (
            select(MessageGrid)
            .where(MessageGrid.entry_id.in_(entry_ids))
            .order_by(MessageGrid.created_at, MessageGrid.id)
        )
        return self.session.scalars(statement).all()

    def grid_in_network(self, network_id: str, grid_id: str) -> MessageGrid | None:
        statement = select(MessageGrid).where(
            MessageGrid.id == grid_id, MessageGrid.network_id == network_id
        )
        return self.session.scalars(statement).first()

    def variants_of(self, grid_ids: Sequence[str]) -> Sequence[MessageVariant]:
        if not grid_ids:
            return []
        statement = (
            select(MessageVariant)
            .where(MessageVariant.grid_id.in_(grid_ids))
            .order_by(
                MessageVariant.grid_id,
                MessageVariant.position,
                MessageVariant.created_at,
                MessageVariant.id,
            )
        )
        return self.session.scalars(statement).all()

    def path_end(self, network_id: str) -> int:
        """The first free place on the network's editorial path."""
        statement = select(func.max(CalendarEntry.path_position)).where(
            CalendarEntry.network_id == network_id
        )
        last = self.session.execute(statement).scalar_one_or_none()
        return 0 if last is None else int(last) + 1

    def add_all(self, rows: Sequence[object]) -> None:
        self.session.add_all(rows)
        self.session.flush()
