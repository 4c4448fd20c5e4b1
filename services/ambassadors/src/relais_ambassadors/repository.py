"""The person's SQL shared by several nouns (people.py's lookups, the gateway's checks)."""

from __future__ import annotations

from typing import Any

from relais_common.repository import RepositoryBase
from sqlalchemy import Select, select

from relais_ambassadors.models import Ambassador


class AmbassadorRepository(RepositoryBase[Ambassador]):
    model = Ambassador

    def by_email(self, email: str) -> Ambassador | None:
        return self.get_one_or_none(self.get_base_statement().where(Ambassador.email == email))


def standing(person_id: str) -> Select[Any]:
    """The columns every request checks (suspended, signed out everywhere, address confirmed)."""
    return select(
        Ambassador.suspended_at, Ambassador.sessions_revoked_at, Ambassador.email_verified_at
    ).where(Ambassador.id == person_id)
