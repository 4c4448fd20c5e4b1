"""SQL for memberships, requests, invitations and the ledger of role changes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relais_common.pagination import after_cursor, encode_cursor, paginate
from relais_common.repository import RepositoryBase
from sqlalchemy import Row, delete, func, select, update

from relais_ambassadors.memberships.models import NetworkMembership, NetworkRoleChange
from relais_ambassadors.models import Ambassador


class MembershipRepository(RepositoryBase[NetworkMembership]):
    model = NetworkMembership

    def of(self, network_id: str, person_id: str) -> NetworkMembership | None:
        return self.get_one_or_none(
            self.get_base_statement().where(
                NetworkMembership.network_id == network_id,
                NetworkMembership.ambassador_id == person_id,
            )
        )

    def statuses_of(self, person_id: str, network_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """network id -> (status, role) of the person, for a page of networks."""
        rows = self.session.execute(
            select(
                NetworkMembership.network_id, NetworkMembership.status, NetworkMembership.role
            ).where(
                NetworkMembership.ambassador_id == person_id,
                NetworkMembership.network_id.in_(network_ids),
            )
        ).all()
        return {r.network_id: (r.status, r.role) for r in rows}

    def page(
        self, network_id: str, *, status: str, cursor: str | None, limit: int
    ) -> tuple[list[Row[Any]], str | None]:
        """(membership, person) rows by the person's name."""
        stmt = (
            select(NetworkMembership, Ambassador)
            .join(Ambassador, Ambassador.id == NetworkMembership.ambassador_id)
            .where(NetworkMembership.network_id == network_id, NetworkMembership.status == status)
        )
        rows, next_cursor = self._rows_page(stmt, cursor, limit)
        return rows, next_cursor

    def _rows_page(self, stmt: Any, cursor: str | None, limit: int) -> tuple[list[Any], str | None]:
        after = after_cursor(Ambassador.display_name, Ambassador.id, cursor)
        if after is not None:
            stmt = stmt.where(after)
        stmt = stmt.order_by(Ambassador.display_name, Ambassador.id).limit(limit + 1)
        rows = list(self.session.execute(stmt).all())
        if len(rows) <= limit:
            return rows, None
        last = rows[limit - 1][1]
        return rows[:limit], encode_cursor([last.display_name, last.id])

    def chair_count(self, network_id: str) -> int:
        return int(
            self.session.scalar(
                select(func.count()).where(
                    NetworkMembership.network_id == network_id,
                    NetworkMembership.status == "member",
                    NetworkMembership.role == "chair",
                )
            )
            or 0
        )

    def chairs(self, network_id: str) -> Sequence[NetworkMembership]:
        return self.get_all(
            self.get_base_statement().where(
                NetworkMembership.network_id == network_id,
                NetworkMembership.status == "member",
                NetworkMembership.role == "chair",
            )
        )

    def members_of_person(self, person_id: str) -> Sequence[NetworkMembership]:
        return self.get_all(
            self.get_base_statement()
            .where(NetworkMembership.ambassador_id == person_id)
            .order_by(NetworkMembership.created_at, NetworkMembership.id)
        )

    def member_ids(self, network_id: str) -> set[str]:
        return set(
            self.session.scalars(
                select(NetworkMembership.ambassador_id).where(
                    NetworkMembership.network_id == network_id,
                    NetworkMembership.status == "member",
                )
            )
        )

    def statuses_in(self, network_id: str) -> dict[str, str]:
        """person id -> status, for everyone related to the network."""
        rows = self.session.execute(
            select(NetworkMembership.ambassador_id, NetworkMembership.status).where(
                NetworkMembership.network_id == network_id
            )
        ).all()
        return {r.ambassador_id: r.status for r in rows}

    def record(self, change: NetworkRoleChange) -> None:
        self.session.add(change)

    def history_page(
        self, network_id: str, *, cursor: str | None, limit: int
    ) -> tuple[list[NetworkRoleChange], str | None]:
        """Newest first."""
        stmt = select(NetworkRoleChange).where(NetworkRoleChange.network_id == network_id)
        return paginate(
            self.session,
            stmt,
            sort=NetworkRoleChange.created_at,
            tiebreak=NetworkRoleChange.id,
            cursor=cursor,
            limit=limit,
            descending=True,
        )

    def names(self, person_ids: Sequence[str]) -> dict[str, str]:
        rows = self.session.execute(
            select(Ambassador.id, Ambassador.display_name).where(Ambassador.id.in_(person_ids))
        ).all()
        return {r.id: r.display_name for r in rows}

    def history_of_person(self, person_id: str) -> list[dict[str, Any]]:
        rows = self.session.scalars(
            select(NetworkRoleChange).where(NetworkRoleChange.ambassador_id == person_id)
        )
        return [{c.key: getattr(r, c.key) for c in r.__mapper__.column_attrs} for r in rows]

    def forget_person(self, person_id: str) -> None:
        """Erasure: their memberships and the ledger about them go; their name as the actor
        of someone else's change or as a decider is cleared."""
        self.session.execute(
            delete(NetworkMembership).where(NetworkMembership.ambassador_id == person_id)
        )
        self.session.execute(
            delete(NetworkRoleChange).where(NetworkRoleChange.ambassador_id == person_id)
        )
        self.session.execute(
            update(NetworkRoleChange)
            .where(NetworkRoleChange.actor_id == person_id)
            .values(actor_id=None)
        )
        self.session.execute(
            update(NetworkMembership)
            .where(NetworkMembership.decided_by == person_id)
            .values(decided_by=None)
        )
