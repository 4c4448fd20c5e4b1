"""Role aliases of the extras (contributions, feeds, exports), on networks/auth.py's access.

``VisibleTo``: any verified ambassador who can see the network (a member, or anyone when the
network is not invitation-only: networks/auth.py answers 404 to outsiders of the others; the
core team, who sees those, gets 403: suggestions to them come from their members), refused on
an archived network. ``SubscriberOf``: a member
in their own right (a calendar feed follows its subscriber's membership; the core team is not
a member). ``CommitteeReader``: the committee (and the core team, who may read), archived networks
included (reading and exporting what was planned stays possible).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from relais_common.auth import VerifiedUser
from relais_common.db import DbSession
from relais_common.errors import Conflict, Forbidden

from relais_editorial.networks.auth import INVITATION_ONLY, NetworkAccess, network_access


def visible_to(slug: str, user: VerifiedUser, session: DbSession) -> NetworkAccess:
    access = network_access(session, slug, user)  # 404 for an outsider of a hidden network
    if access.role is None and access.network.visibility == INVITATION_ONLY:
        raise Forbidden("Only this network's members may suggest to an invitation-only network.")
    if access.network.archived:
        raise Conflict("This network is archived: it takes no more suggestions.")
    return access


def subscriber_of(slug: str, user: VerifiedUser, session: DbSession) -> NetworkAccess:
    access = network_access(session, slug, user)
    if access.role is None:
        raise Forbidden("Only the members of this network may subscribe to its calendar.")
    return access


def committee_reader(slug: str, user: VerifiedUser, session: DbSession) -> NetworkAccess:
    access = network_access(session, slug, user)
    if not access.is_committee and not user.is_admin:
        raise Forbidden("Only this network's committee (its chair included) may do this.")
    return access


VisibleTo = Annotated[NetworkAccess, Depends(visible_to)]
SubscriberOf = Annotated[NetworkAccess, Depends(subscriber_of)]
CommitteeReader = Annotated[NetworkAccess, Depends(committee_reader)]
