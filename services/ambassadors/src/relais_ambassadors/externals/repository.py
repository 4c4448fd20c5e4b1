"""SQL for a network's external actors and their consent ledger."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relais_common.repository import RepositoryBase
from sqlalchemy import select, update

from relais_ambassadors.externals.models import ExternalConsent, NetworkExternal
from relais_ambassadors.models import as_dict


class ExternalRepository(RepositoryBase[NetworkExternal]):
    model = NetworkExternal

    def of_network(
        self, network_id: str, *, consented_only: bool, cursor: str | None, limit: int
    ) -> tuple[list[NetworkExternal], str | None]:
        stmt = self.get_base_statement().where(NetworkExternal.network_id == network_id)
        if consented_only:
            stmt = stmt.where(NetworkExternal.consented_at.is_not(None))
        return self.paginate(
            stmt, sort=NetworkExternal.name, tiebreak=NetworkExternal.id, cursor=cursor, limit=limit
        )

    def in_network(self, network_id: str, external_id: str) -> NetworkExternal | None:
        return self.get_one_or_none(
            self.get_base_statement().where(
                NetworkExternal.network_id == network_id, NetworkExternal.id == external_id
            )
        )

    def all_of(
        self, network_id: str, *, consented_only: bool, cap: int
    ) -> Sequence[NetworkExternal]:
        stmt = self.get_base_statement().where(NetworkExternal.network_id == network_id)
        if consented_only:
            stmt = stmt.where(NetworkExternal.consented_at.is_not(None))
        return self.get_all(stmt.order_by(NetworkExternal.name, NetworkExternal.id).limit(cap))

    def consents(self, external_ids: Sequence[str]) -> dict[str, list[ExternalConsent]]:
        rows = self.session.scalars(
            select(ExternalConsent)
            .where(ExternalConsent.external_id.in_(external_ids))
            .order_by(ExternalConsent.created_at, ExternalConsent.id)
        )
        found: dict[str, list[ExternalConsent]] = {}
        for row in rows:
            found.setdefault(row.external_id, []).append(row)
        return found

    def add_consent(self, consent: ExternalConsent) -> None:
        self.session.add(consent)

    def owned_by(self, person_id: str) -> list[dict[str, Any]]:
        rows = self.session.scalars(
            select(NetworkExternal).where(NetworkExternal.owner_id == person_id)
        )
        return [
            {"id": r.id, "network_id": r.network_id, "name": r.name, "kind": r.kind} for r in rows
        ]

    def recorded_by(self, person_id: str) -> list[dict[str, Any]]:
        rows = self.session.scalars(
            select(ExternalConsent).where(ExternalConsent.recorded_by == person_id)
        )
        return [as_dict(r) for r in rows]

    def forget_colleague(self, person_id: str) -> None:
        self.session.execute(
            update(NetworkExternal)
            .where(NetworkExternal.owner_id == person_id)
            .values(owner_id=None)
        )
        self.session.execute(
            update(ExternalConsent)
            .where(ExternalConsent.recorded_by == person_id)
            .values(recorded_by=None)
        )
