"""The person's SQL shared by several nouns (people.py's lookups, the gateway's checks)."""

from __future__ import annotations

from relais_common.repository import RepositoryBase
from sqlalchemy import bindparam, select

from relais_ambassadors.models import Ambassador


class AmbassadorRepository(RepositoryBase[Ambassador]):
    model = Ambassador

    def by_email(self, email: str) -> Ambassador | None:
        return self.get_one_or_none(self.get_base_statement().where(Ambassador.email == email))


# The columns every request checks (suspended, signed out everywhere, address confirmed), built
# once: params {"person_id": ...}.
STANDING_STATEMENT = select(
    Ambassador.suspended_at, Ambassador.sessions_revoked_at, Ambassador.email_verified_at
).where(Ambassador.id == bindparam("person_id"))
