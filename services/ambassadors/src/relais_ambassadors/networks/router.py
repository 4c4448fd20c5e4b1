"""Networks: everyone confirmed lists the networks they may see; the core team runs them."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Response
from relais_common.auth import AdminUser
from relais_common.concurrency import IfMatch, check_if_match, set_etag
from relais_common.db import DbSession
from relais_common.pagination import MAX_LIMIT, Page
from relais_common.routing import include_archived_option

from relais_ambassadors.accounts.gate import VerifiedUser
from relais_ambassadors.memberships import service as memberships
from relais_ambassadors.networks import service
from relais_ambassadors.networks.access import NetworkAccess, NetworkVisible, load_access
from relais_ambassadors.networks.models import Network
from relais_ambassadors.networks.schemas import (
    ChairAppointment,
    NetworkCreate,
    NetworkRead,
    NetworkUpdate,
)
from relais_ambassadors.problems import api_router

router = api_router("networks")
IncludeArchived = Annotated[
    bool, Depends(include_archived_option("Only administrators can list archived networks."))
]


def _view(session: DbSession, network: Network, viewer: str, response: Response) -> NetworkRead:
    set_etag(response, network.id, network.version)
    return service.views(session, [network], viewer)[0]


@router.get("/networks", response_model=Page[NetworkRead], name="list")
def list_networks(
    session: DbSession,
    user: VerifiedUser,
    include_archived: IncludeArchived,
    theme: Annotated[str | None, Query(max_length=140, description="A theme's slug")] = None,
    mine: Annotated[
        bool, Query(description="Only those I belong to, asked or am invited to")
    ] = False,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
) -> Page[NetworkRead]:
    """By name. Open and on-request networks, and invitation-only ones the caller belongs or
    is invited to; the core team sees all."""
    items, next_cursor = service.page(
        session,
        user,
        include_archived=include_archived,
        theme=theme,
        mine=mine,
        cursor=cursor,
        limit=limit,
    )
    return Page[NetworkRead](items=items, next_cursor=next_cursor)


@router.post("/networks", status_code=201, response_model=NetworkRead, name="create")
def create_network(
    body: NetworkCreate, session: DbSession, admin: AdminUser, response: Response
) -> NetworkRead:
    """The core team creates a network around themes and appoints its first chair."""
    network = service.create(session, body, admin)
    return _view(session, network, admin.user_id, response)


@router.get("/networks/{slug}", response_model=NetworkRead, name="get")
def get_network(access: NetworkVisible, session: DbSession, response: Response) -> NetworkRead:
    return _view(session, access.network, access.user.user_id, response)


def _admin_access(slug: str, session: DbSession, admin: AdminUser) -> NetworkAccess:
    return load_access(session, slug, admin)


AdminOf = Annotated[NetworkAccess, Depends(_admin_access)]


@router.patch("/networks/{slug}", response_model=NetworkRead, name="update")
def update_network(
    body: NetworkUpdate,
    access: AdminOf,
    session: DbSession,
    response: Response,
    if_match: IfMatch = None,
) -> NetworkRead:
    network = access.network
    check_if_match(if_match, network.id, network.version)
    service.update(session, network, body)
    return _view(session, network, access.user.user_id, response)


@router.post("/networks/{slug}/archive", response_model=NetworkRead, name="archive")
def archive_network(access: AdminOf, session: DbSession, response: Response) -> NetworkRead:
    network = service.archive(session, access.network)
    return _view(session, network, access.user.user_id, response)


@router.put("/networks/{slug}/chair", response_model=NetworkRead, name="appoint_chair")
def appoint_chair(
    body: ChairAppointment, access: AdminOf, session: DbSession, response: Response
) -> NetworkRead:
    """The core team appoints (or replaces) the chair; the former chairs become committee
    members unless ``keep_current``."""
    memberships.appoint_chair(
        session,
        access.network,
        body.ambassador_id,
        actor_id=access.user.user_id,
        keep_current=body.keep_current,
    )
    return _view(session, access.network, access.user.user_id, response)
