"""All SQL about calendar entries."""

from __future__ import annotations

from collections.abc import Sequence

from relais_common.repository import RepositoryBase
from sqlalchemy import select, update

from relais_editorial.calendars.models import CalendarEntry


class EntryRepository(RepositoryBase[CalendarEntry]):
    model = CalendarEntry

    def owned_by(self, person_id: str) -> Sequence[CalendarEntry]:
        return self.get_all(
            select(CalendarEntry)
            .where(CalendarEntry.owner_id == person_id)
            .order_by(CalendarEntry.starts_at, CalendarEntry.id)
        )

    def forget_owner(self, person_id: str) -> None:
        self.execute(
            update(CalendarEntry).where(CalendarEntry.owner_id == person_id).values(owner_id=None)
        )
