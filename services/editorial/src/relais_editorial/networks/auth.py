"""Network roles as dependency aliases, read from editorial's own read model.

``MemberOf`` (any member; the core team may read too), ``CommitteeOf`` (chair or committee)
and ``ChairOf`` resolve the network from the path's ``slug``. Writes (committee, chair) are
refused on an archived network. Nothing here calls the ambassadors service.

One rule for "not yours": an invitation-only network is hidden from those outside it (404,
as if it did not exist; the core team sees every network); a network the caller can see but
may not use this way answers 403. ``MemberOfInHop`` is ``MemberOf``'s very check, deferred
so that a hot ``async`` read runs it inside its own ``one_hop`` (no thread hop of its own).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends
from relais_common.auth import Identity, VerifiedUser
from relais_common.db import DbSession
from relais_common.errors import Conflict, Forbidden, NotFound
from sqlalchemy.orm import Session

from relais_editorial.networks.models import COMMITTEE_ROLES, ROLE_CHAIR, NetworkView
from relais_editorial.networks.repository import NetworkRepository, RoleRepository

INVITATION_ONLY = "invitation"


@dataclass(frozen=True)
class NetworkAccess:
    """The network a request is about, who asks, and their role in it (None: core team)."""

    network: NetworkView
    user: Identity
    role: str | None

    @property
    def person_id(self) -> str:
        return self.user.user_id

    @property
    def is_committee(self) -> bool:
        return self.role in COMMITTEE_ROLES

    @property
    def is_chair(self) -> bool:
        return self.role == ROLE_CHAIR


def network_access(session: Session, slug: str, user: Identity) -> NetworkAccess:
    """The network and the caller's role in it; 404 for a network the caller may not know of."""
    network = NetworkRepository.from_session(session).by_slug(slug)
    if network is None:
        raise NotFound(f"There is no network {slug!r}.")
    role = RoleRepository.from_session(session).role_name(network.id, user.user_id)
    if role is None and not user.is_admin and network.visibility == INVITATION_ONLY:
        # invitation-only networks are not shown to outsiders: no hint that this one exists
        raise NotFound(f"There is no network {slug!r}.")
    return NetworkAccess(network, user, role)


def _writable(access: NetworkAccess) -> NetworkAccess:
    if access.network.archived:
        raise Conflict("This network is archived: its calendar and grids are read-only.")
    return access


def member_access(session: Session, slug: str, user: Identity) -> NetworkAccess:
    access = network_access(session, slug, user)
    if access.role is None and not user.is_admin:
        raise Forbidden("Only the members of this network may see its calendar and grids.")
    return access


def member_of(slug: str, user: VerifiedUser, session: DbSession) -> NetworkAccess:
    return member_access(session, slug, user)


@dataclass(frozen=True)
class MemberCheck:
    """``MemberOf``'s check, to call with the request's session inside the handler's hop."""

    slug: str
    user: Identity

    def __call__(self, session: Session) -> NetworkAccess:
        return member_access(session, self.slug, self.user)


async def member_check(slug: str, user: VerifiedUser) -> MemberCheck:
    # async and no I/O: FastAPI runs it on the loop; the queries wait for the handler's hop
    return MemberCheck(slug, user)


def committee_of(slug: str, user: VerifiedUser, session: DbSession) -> NetworkAccess:
    access = network_access(session, slug, user)
    if not access.is_committee:
        raise Forbidden("Only this network's committee (its chair included) may do this.")
    return _writable(access)


def chair_of(slug: str, user: VerifiedUser, session: DbSession) -> NetworkAccess:
    access = network_access(session, slug, user)
    if not access.is_chair:
        raise Forbidden("Only this network's chair may do this.")
    return _writable(access)


MemberOf = Annotated[NetworkAccess, Depends(member_of)]
MemberOfInHop = Annotated[MemberCheck, Depends(member_check)]
CommitteeOf = Annotated[NetworkAccess, Depends(committee_of)]
ChairOf = Annotated[NetworkAccess, Depends(chair_of)]
