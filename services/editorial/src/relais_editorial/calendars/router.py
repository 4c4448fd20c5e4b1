"""A network's calendar: month/week views, the list, entries, rescheduling, the editorial path."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request, Response
from pydantic import AwareDatetime
from relais_common.concurrency import IfMatch, set_etag
from relais_common.db import DbSession, one_hop
from relais_common.routing import api_router

from relais_editorial.calendars import service
from relais_editorial.calendars.cache import ViewCache
from relais_editorial.calendars.schemas import (
    CalendarView,
    EntryCreate,
    EntryList,
    EntryRead,
    EntryUpdate,
    PathRead,
    PathUpdate,
    Reschedule,
)
from relais_editorial.networks.auth import CommitteeOf, MemberOf, MemberOfInHop

router = api_router("calendar")
ENTRY = "/networks/{slug}/entries/{entry_id}"
From = Annotated[AwareDatetime, Query(alias="from", description="Start of the view (ISO 8601)")]
To = Annotated[AwareDatetime, Query(description="End of the view, at most 100 days later")]


def view_cache(request: Request) -> ViewCache:
    """One cache of ready month/week views per app (calendars/cache.py)."""
    state = request.app.state
    if not hasattr(state, "calendar_views"):
        state.calendar_views = ViewCache()
    cache: ViewCache = state.calendar_views
    return cache


@router.get("/networks/{slug}/calendar", response_model=CalendarView, name="view")
async def calendar_view(
    request: Request, session: DbSession, member: MemberOfInHop, starts: From, to: To
) -> Response:
    """Month or week: entries touching [from, to) with their grids' summary, in one request."""
    cache = view_cache(request)
    kept = await one_hop(
        request, session, lambda: service.cached_view(session, member(session), starts, to, cache)
    )
    return Response(kept.body, media_type="application/json", headers={"ETag": kept.etag})


@router.get("/networks/{slug}/entries", response_model=EntryList, name="list")
def list_entries(
    session: DbSession,
    access: MemberOf,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> EntryList:
    """Every entry by start date (the list view), a page at a time."""
    return service.list_entries(session, access, cursor=cursor, limit=limit)


@router.post("/networks/{slug}/entries", response_model=EntryRead, status_code=201, name="create")
def create_entry(
    body: EntryCreate, session: DbSession, access: CommitteeOf, response: Response
) -> EntryRead:
    entry = service.create_entry(session, access, body)
    set_etag(response, entry.id, entry.version)
    return entry


@router.get(ENTRY, response_model=EntryRead, name="read")
def read_entry(
    entry_id: str, session: DbSession, access: MemberOf, response: Response
) -> EntryRead:
    entry = service.read_one(session, service.entry_or_404(session, access, entry_id))
    set_etag(response, entry.id, entry.version)
    return entry


@router.patch(ENTRY, response_model=EntryRead, name="update")
def update_entry(
    entry_id: str,
    body: EntryUpdate,
    session: DbSession,
    access: CommitteeOf,
    response: Response,
    if_match: IfMatch = None,
) -> EntryRead:
    entry = service.update_entry(session, access, entry_id, body, if_match)
    set_etag(response, entry.id, entry.version)
    return entry


@router.post(f"{ENTRY}/reschedule", response_model=EntryRead, name="reschedule")
def reschedule_entry(
    entry_id: str,
    body: Reschedule,
    session: DbSession,
    access: CommitteeOf,
    response: Response,
    if_match: IfMatch = None,
) -> EntryRead:
    """The keyboard alternative to dragging: a new start, the same duration unless told."""
    entry = service.reschedule(session, access, entry_id, body, if_match)
    set_etag(response, entry.id, entry.version)
    return entry


@router.delete(ENTRY, status_code=204, name="delete")
def delete_entry(
    entry_id: str, session: DbSession, access: CommitteeOf, if_match: IfMatch = None
) -> Response:
    service.delete_entry(session, access, entry_id, if_match)
    return Response(status_code=204)


@router.get("/networks/{slug}/path", response_model=PathRead, name="path")
def read_path(session: DbSession, access: MemberOf, response: Response) -> PathRead:
    path = service.read_path(session, access)
    set_etag(response, service.path_etag_id(access.network.id), path.version)
    return path


@router.put("/networks/{slug}/path", response_model=PathRead, name="set_path")
def set_path(
    body: PathUpdate,
    session: DbSession,
    access: CommitteeOf,
    response: Response,
    if_match: IfMatch = None,
) -> PathRead:
    """The ordered editorial path (If-Match: the path's ETag)."""
    path = service.set_path(session, access, body, if_match)
    set_etag(response, service.path_etag_id(access.network.id), path.version)
    return path
