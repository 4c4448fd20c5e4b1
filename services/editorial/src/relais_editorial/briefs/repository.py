"""All SQL for briefs."""

from __future__ import annotations

from collections.abc import Sequence

from relais_common.repository import RepositoryBase
from sqlalchemy import delete, select, update

from relais_editorial.briefs.models import Brief


class BriefRepository(RepositoryBase[Brief]):
    model = Brief

    def in_network(self, network_id: str, brief_id: str) -> Brief | None:
        statement = select(Brief).where(Brief.id == brief_id, Brief.network_id == network_id)
        return self.get_one_or_none(statement)

    def page_of_network(
        self, network_id: str, *, status: str | None, cursor: str | None, limit: int
    ) -> tuple[list[Brief], str | None]:
        statement = select(Brief).where(Brief.network_id == network_id)
        if status:
            statement = statement.where(Brief.status == status)
        return self.paginate(
            statement, sort=Brief.created_at, tiebreak=Brief.id, cursor=cursor, limit=limit
        )

    def page_assigned_to(
        self, person_id: str, *, open_only: bool, cursor: str | None, limit: int
    ) -> tuple[list[Brief], str | None]:
        statement = select(Brief).where(Brief.assignee_id == person_id)
        if open_only:
            statement = statement.where(Brief.status.in_(("open", "in_progress")))
        return self.paginate(
            statement, sort=Brief.created_at, tiebreak=Brief.id, cursor=cursor, limit=limit
        )

    def assigned_to(self, person_id: str) -> Sequence[Brief]:
        return self.get_all(select(Brief).where(Brief.assignee_id == person_id))

    def forget_person(self, person_id: str) -> None:
        """Briefs stay with the network: the erased person is no longer named on them."""
        for column in ("assignee_id", "created_by"):
            attribute = getattr(Brief, column)
            self.execute(update(Brief).where(attribute == person_id).values({column: None}))
        self.execute(
            update(Brief)
            .where(Brief.credited_person_id == person_id)
            .values(credited_person_id=None, credited_name=None)
        )

    def delete_in_network(self, brief: Brief) -> None:
        self.execute(delete(Brief).where(Brief.id == brief.id))
