"""A person's memberships and the ledger about them: exported; erased with them.

On erasure each membership ends with a ``network.member`` event (role null, no name), written
after the person's earlier events were deleted (order 95: after ``published_events``, before
the profile row), so that editorial forgets their roles too.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from relais_ambassadors import outbox
from relais_ambassadors.memberships.repository import MembershipRepository
from relais_ambassadors.models import Ambassador, as_dict
from relais_ambassadors.privacy.repository import REGISTRY


def _export(session: Session, person: Ambassador) -> dict[str, Any]:
    repo = MembershipRepository.from_session(session)
    return {
        "memberships": [as_dict(row) for row in repo.members_of_person(person.id)],
        "role_changes": repo.history_of_person(person.id),
    }


def _erase(session: Session, person: Ambassador) -> None:
    repo = MembershipRepository.from_session(session)
    for row in repo.members_of_person(person.id):
        if row.status == "member":
            outbox.emit(
                session,
                outbox.NetworkMember(
                    network_id=row.network_id, person_id=person.id, display_name="", role=None
                ),
            )
    repo.forget_person(person.id)


REGISTRY.register(
    "network_memberships",
    tables=["network_membership", "network_role_change"],
    export=_export,
    erase=_erase,
    order=95,
)
