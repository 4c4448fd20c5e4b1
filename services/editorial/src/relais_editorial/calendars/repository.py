"""All SQL about calendar entries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from relais_common.db import utcnow
from relais_common.repository import RepositoryBase
from sqlalchemy import bindparam, func, select, update

from relais_editorial.calendars.models import CalendarEntry
from relais_editorial.grids.models import MessageGrid

_IN_RANGE = (
    CalendarEntry.network_id == bindparam("network_id"),
    CalendarEntry.starts_at < bindparam("ends"),
    CalendarEntry.ends_at >= bindparam("starts"),
)
_OF_NETWORK = MessageGrid.network_id == bindparam("network_id")
# Built once (it runs on every month view, cached or not): no statement building and no
# cache-key hashing per request, which cost more than the query itself.
FINGERPRINT = select(
    select(func.count()).where(*_IN_RANGE).scalar_subquery(),
    select(func.max(CalendarEntry.updated_at)).where(*_IN_RANGE).scalar_subquery(),
    select(func.count()).select_from(MessageGrid).where(_OF_NETWORK).scalar_subquery(),
    select(func.max(MessageGrid.updated_at)).where(_OF_NETWORK).scalar_subquery(),
)


class EntryRepository(RepositoryBase[CalendarEntry]):
    model = CalendarEntry

    def in_network(
        self, network_id: str, entry_id: str, *, for_update: bool = False
    ) -> CalendarEntry | None:
        statement = select(CalendarEntry).where(
            CalendarEntry.id == entry_id, CalendarEntry.network_id == network_id
        )
        if for_update:
            statement = statement.with_for_update()
        return self.get_one_or_none(statement)

    def overlapping(
        self, network_id: str, starts: datetime, ends: datetime
    ) -> Sequence[CalendarEntry]:
        """Entries that touch [starts, ends), by start: what a month or week view shows."""
        return self.get_all(
            select(CalendarEntry)
            .where(
                CalendarEntry.network_id == network_id,
                CalendarEntry.starts_at < ends,
                CalendarEntry.ends_at >= starts,
            )
            .order_by(CalendarEntry.starts_at, CalendarEntry.id)
        )

    def fingerprint(self, network_id: str, starts: datetime, ends: datetime) -> tuple[Any, ...]:
        """What moves when anything a view of [starts, ends) shows changes: one query."""
        params = {"network_id": network_id, "starts": starts, "ends": ends}
        row = self.session.execute(FINGERPRINT, params).one()
        return tuple(str(v) for v in row)

    def page(
        self, network_id: str, *, cursor: str | None, limit: int
    ) -> tuple[list[CalendarEntry], str | None]:
        statement = select(CalendarEntry).where(CalendarEntry.network_id == network_id)
        return self.paginate(
            statement,
            sort=CalendarEntry.starts_at,
            tiebreak=CalendarEntry.id,
            cursor=cursor,
            limit=limit,
        )

    def path(self, network_id: str) -> Sequence[CalendarEntry]:
        return self.get_all(
            select(CalendarEntry)
            .where(CalendarEntry.network_id == network_id, CalendarEntry.path_position.is_not(None))
            .order_by(CalendarEntry.path_position)
        )

    def ids_in_network(self, network_id: str, entry_ids: list[str]) -> set[str]:
        if not entry_ids:
            return set()
        rows = self.session.scalars(
            select(CalendarEntry.id).where(
                CalendarEntry.network_id == network_id, CalendarEntry.id.in_(entry_ids)
            )
        )
        return set(rows)

    def set_path(self, network_id: str, entry_ids: list[str]) -> None:
        # updated_at moves too: the month view's cache (calendars/cache.py) watches it
        self.execute(
            update(CalendarEntry)
            .where(CalendarEntry.network_id == network_id)
            .values(path_position=None, updated_at=utcnow())
        )
        for position, entry_id in enumerate(entry_ids):
            self.execute(
                update(CalendarEntry)
                .where(CalendarEntry.id == entry_id)
                .values(path_position=position)
            )

    def owned_by(self, person_id: str) -> Sequence[CalendarEntry]:
        return self.get_all(
            select(CalendarEntry)
            .where(CalendarEntry.owner_id == person_id)
            .order_by(CalendarEntry.starts_at, CalendarEntry.id)
        )

    def forget_owner(self, person_id: str) -> None:
        # updated_at moves: a cached month view (calendars/cache.py) must drop the owner's name
        self.execute(
            update(CalendarEntry)
            .where(CalendarEntry.owner_id == person_id)
            .values(owner_id=None, updated_at=utcnow())
        )
