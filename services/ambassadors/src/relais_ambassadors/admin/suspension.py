"""The core team suspends a person (unlisted at once, cannot sign in) or reinstates them.

Both go through :func:`republish`, so the public page follows; reinstating restores exactly
what the person's consents and moderation allow. Every decision is kept in a ledger.
"""

from __future__ import annotations

from relais_common.auth import Identity
from relais_common.db import utcnow
from relais_common.errors import Conflict
from sqlalchemy.orm import Session

from relais_ambassadors.models import Ambassador, SuspensionRecord
from relais_ambassadors.people import ambassador_or_404
from relais_ambassadors.publication import republish


def _record(
    session: Session, person: Ambassador, action: str, admin: Identity, reason: str
) -> None:
    session.add(
        SuspensionRecord(
            ambassador_id=person.id, action=action, reason=reason.strip(), admin_id=admin.user_id
        )
    )
    person.version += 1
    republish(session, person)


def suspend(session: Session, ambassador_id: str, admin: Identity, reason: str) -> Ambassador:
    person = ambassador_or_404(session, ambassador_id)
    if person.id == admin.user_id:
        raise Conflict("You cannot suspend your own account; ask another admin.")
    if person.suspended_at is not None:
        raise Conflict("This person is already suspended.")
    person.suspended_at = utcnow()
    _record(session, person, "suspended", admin, reason)
    return person


def reinstate(session: Session, ambassador_id: str, admin: Identity) -> Ambassador:
    person = ambassador_or_404(session, ambassador_id)
    if person.suspended_at is None:
        raise Conflict("This person is not suspended.")
    person.suspended_at = None
    _record(session, person, "reinstated", admin, "")
    return person
