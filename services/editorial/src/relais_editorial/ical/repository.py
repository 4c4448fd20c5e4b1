"""All SQL for calendar feeds and the entries they show."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from relais_common.repository import RepositoryBase
from sqlalchemy import delete, select

from relais_editorial.calendars.models import CalendarEntry
from relais_editorial.ical.models import CalendarFeed

# A feed shows at most this many entries (the most recent ones kept): calendar apps poll it.
MAX_FEED_ENTRIES = 2000


class FeedRepository(RepositoryBase[CalendarFeed]):
    model = CalendarFeed

    def by_hash(self, token_hash: str) -> CalendarFeed | None:
        return self.get_one_or_none(
            select(CalendarFeed).where(CalendarFeed.token_hash == token_hash)
        )

    def active_of(self, network_id: str, person_id: str) -> Sequence[CalendarFeed]:
        statement = (
            select(CalendarFeed)
            .where(
                CalendarFeed.network_id == network_id,
                CalendarFeed.person_id == person_id,
                CalendarFeed.revoked_at.is_(None),
            )
            .order_by(CalendarFeed.created_at, CalendarFeed.id)
        )
        return self.get_all(statement)

    def mine(self, network_id: str, person_id: str, feed_id: str) -> CalendarFeed | None:
        statement = select(CalendarFeed).where(
            CalendarFeed.id == feed_id,
            CalendarFeed.network_id == network_id,
            CalendarFeed.person_id == person_id,
        )
        return self.get_one_or_none(statement)

    def of_person(self, person_id: str) -> Sequence[CalendarFeed]:
        return self.get_all(select(CalendarFeed).where(CalendarFeed.person_id == person_id))

    def forget_person(self, person_id: str) -> None:
        self.execute(delete(CalendarFeed).where(CalendarFeed.person_id == person_id))

    def entries_since(self, network_id: str, since: datetime) -> Sequence[CalendarEntry]:
        statement = (
            select(CalendarEntry)
            .where(CalendarEntry.network_id == network_id, CalendarEntry.ends_at >= since)
            .order_by(CalendarEntry.starts_at.desc(), CalendarEntry.id)
            .limit(MAX_FEED_ENTRIES)
        )
        return self.session.scalars(statement).all()
