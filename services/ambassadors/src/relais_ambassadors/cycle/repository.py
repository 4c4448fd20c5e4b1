"""SQL for phase notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relais_common.repository import RepositoryBase
from sqlalchemy import select, update

from relais_ambassadors.cycle.models import NetworkPhaseNote
from relais_ambassadors.models import as_dict


class PhaseNoteRepository(RepositoryBase[NetworkPhaseNote]):
    model = NetworkPhaseNote

    def of_network(self, network_id: str) -> Sequence[NetworkPhaseNote]:
        """Newest first within each phase (by date, then when written)."""
        return self.get_all(
            self.get_base_statement()
            .where(NetworkPhaseNote.network_id == network_id)
            .order_by(
                NetworkPhaseNote.note_date.desc(),
                NetworkPhaseNote.created_at.desc(),
                NetworkPhaseNote.id,
            )
            .limit(500)
        )

    def written_by(self, person_id: str) -> list[dict[str, Any]]:
        rows = self.session.scalars(
            select(NetworkPhaseNote).where(NetworkPhaseNote.author_id == person_id)
        )
        return [as_dict(r) for r in rows]

    def forget_author(self, person_id: str) -> None:
        self.session.execute(
            update(NetworkPhaseNote)
            .where(NetworkPhaseNote.author_id == person_id)
            .values(author_id=None)
        )
