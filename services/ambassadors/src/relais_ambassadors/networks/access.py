"""Network-scoped access as dependency aliases: NetworkVisible, MemberOf, CommitteeOf, ChairOf.

Each loads the network of the path's ``slug`` and the caller's place in it, once. A network
the caller may not see is a 404 (invitation-only networks do not reveal themselves, archived
ones are kept for their members and the core team); a role they lack is a 403. The core team
(admins) passes every check: they oversee every network and appoint its chairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path
from relais_common.auth import Identity
from relais_common.db import DbSession
from relais_common.errors import Forbidden, NotFound
from sqlalchemy.orm import Session

from relais_ambassadors.accounts.gate import VerifiedUser
from relais_ambassadors.memberships.models import NetworkMembership
from relais_ambassadors.memberships.repository import MembershipRepository
from relais_ambassadors.networks.models import Network
from relais_ambassadors.networks.repository import NetworkRepository

SlugPath = Annotated[str, Path(max_length=140, description="The network's slug")]


@dataclass(frozen=True)
class NetworkAccess:
    network: Network
    user: Identity
    membership: NetworkMembership | None

    @property
    def role(self) -> str | None:
        """The caller's role when they are a member (not while invited or requesting)."""
        m = self.membership
        return m.role if m is not None and m.status == "member" else None

    @property
    def is_admin(self) -> bool:
        return self.user.is_admin

    @property
    def is_committee(self) -> bool:
        return self.is_admin or self.role in ("chair", "committee")

    @property
    def is_chair(self) -> bool:
        return self.is_admin or self.role == "chair"


def load_access(session: Session, slug: str, user: Identity) -> NetworkAccess:
    network = NetworkRepository.from_session(session).by_slug(slug)
    if network is None:
        raise NotFound("There is no network with this slug.")
    membership = MembershipRepository.from_session(session).of(network.id, user.user_id)
    access = NetworkAccess(network, user, membership)
    if not access.is_admin and not _may_see(network, membership):
        raise NotFound("There is no network with this slug.")
    return access


def _may_see(network: Network, membership: NetworkMembership | None) -> bool:
    related = membership is not None and membership.status in ("member", "invited")
    if network.archived_at is not None:
        return membership is not None and membership.status == "member"
    return network.visibility != "invitation" or related


def visible_network(slug: SlugPath, session: DbSession, user: VerifiedUser) -> NetworkAccess:
    return load_access(session, slug, user)


Visible = Annotated[NetworkAccess, Depends(visible_network)]


def member_of(access: Visible) -> NetworkAccess:
    if access.role is None and not access.is_admin:
        raise Forbidden("Only the members of this network may do this.")
    return access


def committee_of(access: Visible) -> NetworkAccess:
    if not access.is_committee:
        raise Forbidden("Only this network's committee (its chair included) may do this.")
    return access


def chair_of(access: Visible) -> NetworkAccess:
    if not access.is_chair:
        raise Forbidden("Only this network's chair may do this.")
    return access


NetworkVisible = Visible
MemberOf = Annotated[NetworkAccess, Depends(member_of)]
CommitteeOf = Annotated[NetworkAccess, Depends(committee_of)]
ChairOf = Annotated[NetworkAccess, Depends(chair_of)]
