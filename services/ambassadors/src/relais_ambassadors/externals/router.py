"""External actors of a network (clients, partners, journalists...): the committee keeps them."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query, Response
from relais_common.concurrency import IfMatch, check_if_match, set_etag
from relais_common.db import DbSession
from relais_common.pagination import MAX_LIMIT, Page

from relais_ambassadors.externals import service
from relais_ambassadors.externals.models import NetworkExternal
from relais_ambassadors.externals.schemas import (
    ConsentChange,
    ExternalCreate,
    ExternalRead,
    ExternalUpdate,
)
from relais_ambassadors.networks.access import CommitteeOf, MemberOf, NetworkAccess
from relais_ambassadors.people import Guard
from relais_ambassadors.problems import api_router

router = api_router("externals")
ExternalId = Annotated[str, Path(max_length=64)]


def _view(
    session: DbSession, access: NetworkAccess, external: NetworkExternal, response: Response
) -> ExternalRead:
    set_etag(response, external.id, external.version)
    return service.views(session, [external], committee=access.is_committee)[0]


@router.get("/networks/{slug}/externals", response_model=Page[ExternalRead], name="list")
def list_externals(
    access: MemberOf,
    session: DbSession,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
) -> Page[ExternalRead]:
    """By name. The committee sees everyone with its notes; members only those who consented."""
    items, next_cursor = service.page(session, access, cursor=cursor, limit=limit)
    return Page[ExternalRead](items=items, next_cursor=next_cursor)


@router.post(
    "/networks/{slug}/externals", status_code=201, response_model=ExternalRead, name="create"
)
def create_external(
    access: CommitteeOf, body: ExternalCreate, session: DbSession, guard: Guard, response: Response
) -> ExternalRead:
    """Record an external actor; they are shown to members once their consent is recorded."""
    external = service.create(session, access, body, guard)
    return _view(session, access, external, response)


@router.get("/networks/{slug}/externals/{external_id}", response_model=ExternalRead, name="get")
def get_external(
    access: MemberOf, external_id: ExternalId, session: DbSession, response: Response
) -> ExternalRead:
    return _view(session, access, service.get(session, access, external_id), response)


@router.patch(
    "/networks/{slug}/externals/{external_id}", response_model=ExternalRead, name="update"
)
def update_external(
    access: CommitteeOf,
    external_id: ExternalId,
    body: ExternalUpdate,
    session: DbSession,
    guard: Guard,
    response: Response,
    if_match: IfMatch = None,
) -> ExternalRead:
    external = service.get(session, access, external_id)
    check_if_match(if_match, external.id, external.version)
    external = service.update(session, access, external, body, guard)
    return _view(session, access, external, response)


@router.delete("/networks/{slug}/externals/{external_id}", status_code=204, name="delete")
def delete_external(access: CommitteeOf, external_id: ExternalId, session: DbSession) -> Response:
    service.delete(session, access, service.get(session, access, external_id))
    return Response(status_code=204)


@router.post(
    "/networks/{slug}/externals/{external_id}/consent",
    response_model=ExternalRead,
    name="record_consent",
)
def record_consent(
    access: CommitteeOf,
    external_id: ExternalId,
    body: ConsentChange,
    session: DbSession,
    response: Response,
) -> ExternalRead:
    """Record that the person agreed to be shown, or withdrew (dated, with its evidence)."""
    external = service.record_consent(
        session, access, service.get(session, access, external_id), body
    )
    return _view(session, access, external, response)
