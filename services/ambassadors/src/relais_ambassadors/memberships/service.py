"""Joining, requests, invitations, roles, leaving: every change is in the ledger and an event.

A network keeps at least one chair: the last one can neither leave, nor be removed, nor be
given another role (the core team appoints a new chair first). Only confirmed, active
ambassadors take part.
"""

from __future__ import annotations

from relais_common.db import utcnow
from relais_common.errors import Conflict, Forbidden, NotFound
from sqlalchemy.orm import Session

from relais_ambassadors import outbox
from relais_ambassadors.memberships.models import NetworkMembership, NetworkRoleChange
from relais_ambassadors.memberships.repository import MembershipRepository
from relais_ambassadors.models import Ambassador
from relais_ambassadors.networks.access import NetworkAccess
from relais_ambassadors.networks.models import Network
from relais_ambassadors.people import ambassador_or_404


def _repo(session: Session) -> MembershipRepository:
    return MembershipRepository.from_session(session)


def require_open(network: Network) -> None:
    if network.archived_at is not None:
        raise Conflict(f"The network “{network.name}” is archived: it no longer changes.")


def participant(session: Session, person_id: str) -> Ambassador:
    """The person, when they may take part in a network (confirmed address, not suspended)."""
    person = ambassador_or_404(session, person_id)
    if person.email_verified_at is None:
        raise Conflict(f"{person.display_name} has not confirmed their e-mail address yet.")
    if person.suspended_at is not None:
        raise Conflict(f"{person.display_name} is suspended.")
    return person


def _event(session: Session, network: Network, person: Ambassador, role: str | None) -> None:
    outbox.emit(
        session,
        outbox.NetworkMember(
            network_id=network.id,
            person_id=person.id,
            display_name=person.display_name,
            role=role,
        ),
    )


def _ledger(
    session: Session,
    network: Network,
    person: Ambassador,
    *,
    reason: str,
    before: str | None,
    after: str | None,
    actor_id: str,
) -> None:
    _repo(session).record(
        NetworkRoleChange(
            network_id=network.id,
            ambassador_id=person.id,
            reason=reason,
            from_role=before,
            to_role=after,
            actor_id=actor_id,
            created_at=utcnow(),
        )
    )
    _event(session, network, person, after)


def admit(
    session: Session,
    network: Network,
    person: Ambassador,
    row: NetworkMembership | None,
    *,
    role: str,
    reason: str,
    actor_id: str,
) -> NetworkMembership:
    """Make the person a member with ``role`` (their request or invitation row, or a new one)."""
    if row is None:
        row = NetworkMembership(
            network_id=network.id, ambassador_id=person.id, version=1, created_at=utcnow()
        )
        session.add(row)
    else:
        row.version += 1
    row.status, row.role, row.joined_at = "member", role, utcnow()
    if actor_id != person.id:
        row.decided_by = actor_id
    session.flush()
    _ledger(session, network, person, reason=reason, before=None, after=role, actor_id=actor_id)
    return row


def join(session: Session, access: NetworkAccess, note: str) -> NetworkMembership:
    """Open network: a member at once. On request: a request the committee decides on.
    Invited: joining accepts the invitation. Invitation only: refused."""
    network, row = access.network, access.membership
    require_open(network)
    person = participant(session, access.user.user_id)
    if row is not None and row.status == "member":
        raise Conflict("You are already a member of this network.")
    if row is not None and row.status == "requested":
        raise Conflict("You already asked to join; the committee will answer.")
    if row is not None or network.visibility == "open":
        reason = "invitation-accepted" if row is not None else "joined"
        return admit(
            session, network, person, row, role="member", reason=reason, actor_id=person.id
        )
    if network.visibility == "invitation":
        raise Forbidden("This network is by invitation only: ask its chair.")
    row = NetworkMembership(
        network_id=network.id,
        ambassador_id=person.id,
        status="requested",
        note=note,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row


def _member(session: Session, network: Network, person_id: str) -> NetworkMembership:
    row = _repo(session).of(network.id, person_id)
    if row is None or row.status != "member":
        raise NotFound("This person is not a member of this network.")
    return row


def _keep_a_chair(session: Session, network: Network, row: NetworkMembership) -> None:
    if row.role == "chair" and _repo(session).chair_count(network.id) <= 1:
        raise Conflict(
            "A network keeps at least one chair: the core team appoints another chair first."
        )


def _drop(session: Session, access: NetworkAccess, row: NetworkMembership, reason: str) -> None:
    network = access.network
    _keep_a_chair(session, network, row)
    person = ambassador_or_404(session, row.ambassador_id)
    session.delete(row)
    session.flush()
    _ledger(
        session,
        network,
        person,
        reason=reason,
        before=row.role,
        after=None,
        actor_id=access.user.user_id,
    )


def leave(session: Session, access: NetworkAccess) -> None:
    if access.membership is None or access.membership.status != "member":
        raise NotFound("You are not a member of this network.")
    _drop(session, access, access.membership, "left")


def remove(session: Session, access: NetworkAccess, person_id: str) -> None:
    """The committee removes members; the chair also committee members; only the core team
    a chair."""
    row = _member(session, access.network, person_id)
    _may_act_on(access, row.role)
    _drop(session, access, row, "removed")


def _may_act_on(access: NetworkAccess, target_role: str) -> None:
    if access.is_admin:
        return
    if target_role == "chair":
        raise Forbidden("Only the core team changes or removes a chair.")
    if target_role == "committee" and not access.is_chair:
        raise Forbidden("Only the chair changes or removes a committee member.")


def set_role(
    session: Session, access: NetworkAccess, person_id: str, role: str
) -> NetworkMembership:
    """The chair names committee members (and makes them members again); only the core team
    appoints or replaces chairs."""
    network = access.network
    require_open(network)
    row = _member(session, network, person_id)
    if role == "chair" and not access.is_admin:
        raise Forbidden("Only the core team appoints a chair.")
    _may_act_on(access, row.role)
    if row.role == role:
        return row
    if row.role == "chair":
        _keep_a_chair(session, network, row)
    before, row.role = row.role, role
    row.version += 1
    person = ambassador_or_404(session, person_id)
    _ledger(
        session,
        network,
        person,
        reason="appointed",
        before=before,
        after=role,
        actor_id=access.user.user_id,
    )
    return row


def appoint_chair(
    session: Session, network: Network, person_id: str, *, actor_id: str, keep_current: bool
) -> NetworkMembership:
    """The core team's: the person becomes chair (a member first if needed); the other
    chairs become committee members unless ``keep_current``."""
    require_open(network)
    person = participant(session, person_id)
    repo = _repo(session)
    row = repo.of(network.id, person.id)
    if row is None or row.status != "member":
        row = admit(
            session, network, person, row, role="chair", reason="appointed", actor_id=actor_id
        )
    elif row.role != "chair":
        before, row.role = row.role, "chair"
        row.version += 1
        _ledger(
            session,
            network,
            person,
            reason="appointed",
            before=before,
            after="chair",
            actor_id=actor_id,
        )
    if not keep_current:
        for other in repo.chairs(network.id):
            if other.ambassador_id != person.id:
                other.role = "committee"
                other.version += 1
                who = ambassador_or_404(session, other.ambassador_id)
                _ledger(
                    session,
                    network,
                    who,
                    reason="appointed",
                    before="chair",
                    after="committee",
                    actor_id=actor_id,
                )
    session.flush()
    return row
