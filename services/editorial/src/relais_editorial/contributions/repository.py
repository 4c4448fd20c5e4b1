"""All SQL for contributions and entry credits."""

from __future__ import annotations

from collections.abc import Sequence

from relais_common.db import utcnow
from relais_common.repository import RepositoryBase
from sqlalchemy import delete, func, select, update

from relais_editorial.calendars.models import CalendarEntry
from relais_editorial.contributions.models import Contribution, EntryCredit


class ContributionRepository(RepositoryBase[Contribution]):
    model = Contribution

    def in_network(
        self, network_id: str, contribution_id: str, *, for_update: bool = False
    ) -> Contribution | None:
        statement = select(Contribution).where(
            Contribution.id == contribution_id, Contribution.network_id == network_id
        )
        if for_update:
            statement = statement.with_for_update()
        return self.get_one_or_none(statement)

    def page_of_network(
        self, network_id: str, *, status: str | None, cursor: str | None, limit: int
    ) -> tuple[list[Contribution], str | None]:
        statement = select(Contribution).where(Contribution.network_id == network_id)
        if status:
            statement = statement.where(Contribution.status == status)
        return self.paginate(
            statement,
            sort=Contribution.created_at,
            tiebreak=Contribution.id,
            cursor=cursor,
            limit=limit,
        )

    def page_of_author(
        self, author_id: str, *, cursor: str | None, limit: int
    ) -> tuple[list[Contribution], str | None]:
        statement = select(Contribution).where(Contribution.author_id == author_id)
        return self.paginate(
            statement,
            sort=Contribution.created_at,
            tiebreak=Contribution.id,
            cursor=cursor,
            limit=limit,
            descending=True,
        )

    def pending_count(self, network_id: str) -> int:
        statement = select(func.count()).where(
            Contribution.network_id == network_id, Contribution.status == "pending"
        )
        return int(self.session.execute(statement).scalar_one())

    def of_author(self, author_id: str) -> Sequence[Contribution]:
        return self.get_all(select(Contribution).where(Contribution.author_id == author_id))

    def credit(self, entry_id: str, person_id: str, display_name: str) -> None:
        self.session.merge(
            EntryCredit(entry_id=entry_id, person_id=person_id, display_name=display_name)
        )

    def credits_of(self, entry_ids: Sequence[str]) -> dict[str, EntryCredit]:
        if not entry_ids:
            return {}
        statement = select(EntryCredit).where(EntryCredit.entry_id.in_(entry_ids))
        return {c.entry_id: c for c in self.session.scalars(statement)}

    def forget_person(self, person_id: str) -> None:
        """Their suggestions go; the entries and briefs made of them stay, uncredited."""
        credited = select(EntryCredit.entry_id).where(EntryCredit.person_id == person_id)
        # the entries move, so a cached month view (calendars/cache.py) drops their name too
        self.execute(
            update(CalendarEntry).where(CalendarEntry.id.in_(credited)).values(updated_at=utcnow())
        )
        self.execute(delete(EntryCredit).where(EntryCredit.person_id == person_id))
        self.execute(delete(Contribution).where(Contribution.author_id == person_id))
        self.execute(
            update(Contribution).where(Contribution.decided_by == person_id).values(decided_by=None)
        )
