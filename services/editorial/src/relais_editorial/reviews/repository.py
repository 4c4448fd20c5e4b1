"""All SQL about approvals and a grid's history."""

from __future__ import annotations

from collections.abc import Sequence

from relais_common.repository import RepositoryBase
from sqlalchemy import select, update

from relais_editorial.reviews.models import GridApproval, GridRevision


class ApprovalRepository(RepositoryBase[GridApproval]):
    model = GridApproval

    def of_round(self, grid_ids: list[str], review_round: dict[str, int]) -> list[GridApproval]:
        """The approvals of each grid's current round."""
        if not grid_ids:
            return []
        rows = self.get_all(
            select(GridApproval)
            .where(GridApproval.grid_id.in_(grid_ids))
            .order_by(GridApproval.created_at, GridApproval.id)
        )
        return [a for a in rows if a.review_round == review_round.get(a.grid_id)]

    def given_by(self, person_id: str) -> Sequence[GridApproval]:
        return self.get_all(
            select(GridApproval)
            .where(GridApproval.approver_id == person_id)
            .order_by(GridApproval.created_at, GridApproval.id)
        )

    def forget_approver(self, person_id: str) -> None:
        self.execute(
            update(GridApproval)
            .where(GridApproval.approver_id == person_id)
            .values(approver_id=None)
        )


class RevisionRepository(RepositoryBase[GridRevision]):
    model = GridRevision

    def page(
        self, grid_id: str, *, cursor: str | None, limit: int
    ) -> tuple[list[GridRevision], str | None]:
        statement = select(GridRevision).where(GridRevision.grid_id == grid_id)
        return self.paginate(
            statement,
            sort=GridRevision.created_at,
            tiebreak=GridRevision.id,
            cursor=cursor,
            limit=limit,
        )

    def made_by(self, person_id: str) -> Sequence[GridRevision]:
        return self.get_all(
            select(GridRevision)
            .where(GridRevision.actor_id == person_id)
            .order_by(GridRevision.created_at, GridRevision.id)
        )

    def forget_actor(self, person_id: str) -> None:
        self.execute(
            update(GridRevision).where(GridRevision.actor_id == person_id).values(actor_id=None)
        )
