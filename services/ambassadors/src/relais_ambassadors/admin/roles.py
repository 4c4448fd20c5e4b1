"""The core team grants or revokes the admin role; the last admin can never be removed."""

from __future__ import annotations

from relais_common.auth import Identity
from relais_common.errors import Conflict
from sqlalchemy.orm import Session

from relais_ambassadors.admin import repository
from relais_ambassadors.models import Ambassador
from relais_ambassadors.people import ambassador_or_404


def set_admin(session: Session, ambassador_id: str, admin: Identity, grant: bool) -> Ambassador:
    del admin  # any admin may decide; who decided is in the request log
    person = ambassador_or_404(session, ambassador_id)
    if person.is_admin == grant:
        return person
    if not grant:
        # Lock the admins' rows: two admins revoking each other at once cannot both succeed.
        others = repository.lock_other_active_admins(session, person.id)
        if not others:
            raise Conflict("This is the last active admin; grant the role to someone else first.")
    person.is_admin = grant
    person.version += 1
    return person
