"""Who is present on which platform: a network, a department, the company; and the platforms
a network should use."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from relais_common.db import DbSession

from relais_ambassadors.accounts.gate import VerifiedUser
from relais_ambassadors.networks.access import MemberOf
from relais_ambassadors.presence import recommendation, service
from relais_ambassadors.presence.schemas import PresenceMap, RecommendationList, Scope
from relais_ambassadors.problems import api_router

router = api_router("presence")
Cursor = Annotated[str | None, Query(max_length=1000)]
Limit = Annotated[int, Query(ge=1, le=200, description="People per page")]


@router.get("/presence", response_model=PresenceMap, name="map")
def company_presence(
    session: DbSession,
    _user: VerifiedUser,
    department: Annotated[str | None, Query(max_length=64, description="A department's id")] = None,
    cursor: Cursor = None,
    limit: Limit = 100,
) -> PresenceMap:
    """The company's (or one department's) people with public accounts, by name."""
    scope = service.scope_of(session, department)
    return service.presence_map(session, scope, network=None, cursor=cursor, limit=limit)


@router.get("/networks/{slug}/presence", response_model=PresenceMap, name="network_map")
def network_presence(
    access: MemberOf, session: DbSession, cursor: Cursor = None, limit: Limit = 100
) -> PresenceMap:
    """The network's members with public accounts, and its external actors (those who
    consented, for members; all of them for the committee)."""
    network = access.network
    scope = Scope(kind="network", id=network.id, name=network.name)
    return service.presence_map(session, scope, network=access, cursor=cursor, limit=limit)


@router.get(
    "/networks/{slug}/platform-recommendation",
    response_model=RecommendationList,
    name="platform_recommendation",
)
def platform_recommendation(access: MemberOf, session: DbSession) -> RecommendationList:
    """The platforms ranked for this network, each with its reasons (see ``method``)."""
    return recommendation.for_network(session, access.network)
