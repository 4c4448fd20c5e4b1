"""Requests to join and invitations: the committee answers requests and invites; the invited
person accepts or declines. Accepting makes a member through the same path as joining."""

from __future__ import annotations

from relais_common.db import utcnow
from relais_common.errors import Conflict, NotFound
from sqlalchemy.orm import Session

from relais_ambassadors.memberships.models import NetworkMembership
from relais_ambassadors.memberships.repository import MembershipRepository
from relais_ambassadors.memberships.service import admit, participant, require_open
from relais_ambassadors.networks.access import NetworkAccess
from relais_ambassadors.networks.models import Network


def _repo(session: Session) -> MembershipRepository:
    return MembershipRepository.from_session(session)


def _pending(session: Session, network: Network, person_id: str, status: str) -> NetworkMembership:
    row = _repo(session).of(network.id, person_id)
    if row is None or row.status != status:
        what = "request from" if status == "requested" else "invitation for"
        raise NotFound(f"There is no pending {what} this person in this network.")
    return row


def accept_request(session: Session, access: NetworkAccess, person_id: str) -> NetworkMembership:
    require_open(access.network)
    row = _pending(session, access.network, person_id, "requested")
    person = participant(session, person_id)
    return admit(
        session,
        access.network,
        person,
        row,
        role="member",
        reason="accepted",
        actor_id=access.user.user_id,
    )


def decline_request(session: Session, access: NetworkAccess, person_id: str) -> None:
    session.delete(_pending(session, access.network, person_id, "requested"))


def invite(session: Session, access: NetworkAccess, person_id: str, note: str) -> NetworkMembership:
    """Invite someone; inviting a person who asked to join accepts their request."""
    network = access.network
    require_open(network)
    person = participant(session, person_id)
    row = _repo(session).of(network.id, person.id)
    if row is not None and row.status == "member":
        raise Conflict(f"{person.display_name} is already a member.")
    if row is not None and row.status == "invited":
        raise Conflict(f"{person.display_name} is already invited.")
    if row is not None:
        return admit(
            session,
            network,
            person,
            row,
            role="member",
            reason="accepted",
            actor_id=access.user.user_id,
        )
    row = NetworkMembership(
        network_id=network.id,
        ambassador_id=person.id,
        status="invited",
        note=note,
        decided_by=access.user.user_id,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row


def withdraw_invitation(session: Session, access: NetworkAccess, person_id: str) -> None:
    session.delete(_pending(session, access.network, person_id, "invited"))


def answer_invitation(
    session: Session, access: NetworkAccess, *, accept: bool
) -> NetworkMembership | None:
    """The membership when accepted; None when declined (the invitation is gone)."""
    network = access.network
    row = _pending(session, network, access.user.user_id, "invited")
    if not accept:
        session.delete(row)
        return None
    require_open(network)
    person = participant(session, access.user.user_id)
    return admit(
        session,
        network,
        person,
        row,
        role="member",
        reason="invitation-accepted",
        actor_id=person.id,
    )
