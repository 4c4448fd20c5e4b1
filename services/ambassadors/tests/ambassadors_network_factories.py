"""Networks for tests, made through the service layer (events and ledger included)."""

from __future__ import annotations

from fastapi import FastAPI
from relais_ambassadors.memberships import invitations
from relais_ambassadors.memberships import service as memberships
from relais_ambassadors.networks import service as networks
from relais_ambassadors.networks.access import NetworkAccess
from relais_ambassadors.networks.repository import NetworkRepository
from relais_ambassadors.networks.schemas import NetworkCreate
from relais_common.auth import Identity

ADMIN = Identity(user_id="00000000-0000-0000-0000-00000000ad00", roles=frozenset({"admin"}))


def network(
    app: FastAPI,
    name: str,
    *,
    chair_id: str,
    visibility: str = "open",
    theme_ids: list[str] | None = None,
) -> str:
    """A network with its chair; returns its slug."""
    body = NetworkCreate(
        name=name,
        chair_id=chair_id,
        visibility=visibility,
        theme_ids=theme_ids or [],  # type: ignore[arg-type]
    )
    with app.state.sessionmaker.begin() as session:
        return networks.create(session, body, ADMIN).slug


def member(app: FastAPI, slug: str, person_id: str, role: str = "member") -> None:
    """Add the person to the network with ``role``, as the core team would."""
    with app.state.sessionmaker.begin() as session:
        found = NetworkRepository.from_session(session).by_slug(slug)
        assert found is not None
        access = NetworkAccess(found, ADMIN, None)
        invitations.invite(session, access, person_id, "")
        invited = NetworkAccess(found, Identity(user_id=person_id), None)
        invitations.answer_invitation(session, invited, accept=True)
        if role != "member":
            memberships.set_role(session, access, person_id, role)
