"""Networks as editorial knows them: my networks, members, and the committee's settings."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from relais_common.auth import VerifiedUser
from relais_common.concurrency import IfMatch, set_etag
from relais_common.db import DbSession, one_hop
from relais_common.routing import api_router

from relais_editorial.config import EditorialSettings
from relais_editorial.counting.dependencies import Limits
from relais_editorial.networks import service
from relais_editorial.networks.auth import ChairOf, MemberOf
from relais_editorial.networks.schemas import (
    MemberList,
    NetworkList,
    NetworkRead,
    NetworkSettingsRead,
    NetworkSettingsUpdate,
)

router = api_router("editorial_networks")
Cursor = Annotated[str | None, Query(max_length=500)]
Limit = Annotated[int, Query(ge=1, le=200)]


@router.get("/networks", response_model=NetworkList, name="list")
def list_networks(
    session: DbSession, user: VerifiedUser, cursor: Cursor = None, limit: Limit = 50
) -> NetworkList:
    """The networks I am a member of (the core team: every network), by slug."""
    return service.list_networks(
        session, person_id=user.user_id, is_admin=user.is_admin, cursor=cursor, limit=limit
    )


@router.get("/networks/{slug}", response_model=NetworkRead, name="read")
def read_network(access: MemberOf) -> NetworkRead:
    return service.network_read(access.network, access.role)


@router.get("/networks/{slug}/members", response_model=MemberList, name="members")
def list_members(
    session: DbSession, access: MemberOf, cursor: Cursor = None, limit: Limit = 100
) -> MemberList:
    return service.list_members(session, access, cursor=cursor, limit=limit)


@router.get("/networks/{slug}/settings", response_model=NetworkSettingsRead, name="settings")
def read_settings(
    session: DbSession, access: MemberOf, settings: EditorialSettings, response: Response
) -> NetworkSettingsRead:
    read = service.read_settings(session, access.network.id, settings.default_disclosure)
    set_etag(response, service.settings_etag_id(access.network.id), read.version)
    return read


@router.put("/networks/{slug}/settings", response_model=NetworkSettingsRead, name="set_settings")
async def write_settings(
    body: NetworkSettingsUpdate,
    request: Request,
    session: DbSession,
    access: ChairOf,
    settings: EditorialSettings,
    limits: Limits,
    response: Response,
    if_match: IfMatch = None,
) -> NetworkSettingsRead:
    """Approval mode, steps, disclosure and Mastodon instance (the chair; If-Match from the last
    read). The instance's own limit is read from its public API on save (else 500)."""
    # async: the instance is asked between two transactions, so no connection waits on it
    disclosure = settings.default_disclosure
    check = partial(
        service.check_settings,
        session,
        access,
        body,
        if_match=if_match,
        default_disclosure=disclosure,
    )
    await one_hop(request, session, check)  # then the read's transaction is over: no connection
    mastodon = await service.mastodon_limit(limits, body)
    write = partial(
        service.update_settings,
        *(session, access, body),
        if_match=if_match,
        default_disclosure=disclosure,
        mastodon=mastodon,
    )
    read = await run_in_threadpool(write)
    set_etag(response, service.settings_etag_id(access.network.id), read.version)
    return read
