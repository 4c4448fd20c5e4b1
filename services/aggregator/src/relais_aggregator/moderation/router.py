"""Admins moderate the Planet: hide or pin an item, keep the keyword blocklist."""

from __future__ import annotations

from typing import Annotated

from fastapi import BackgroundTasks, Path, Query, Request, Response
from relais_common.auth import AdminUser
from relais_common.concurrency import IfMatch, set_etag
from relais_common.db import DbSession
from relais_common.pagination import Page
from relais_common.routing import api_router

from relais_aggregator.moderation import service
from relais_aggregator.moderation.schemas import (
    Blocklist,
    BlocklistChange,
    ItemModeration,
    ModeratedItem,
)

router = api_router("moderation")
ItemId = Annotated[str, Path(max_length=64)]


def rerender(request: Request, tasks: BackgroundTasks) -> None:
    """This replica re-renders once the change is committed; others at their next tick."""
    tasks.add_task(request.app.state.pages.refresh)


@router.get("/admin/planet/items", response_model=Page[ModeratedItem], name="items")
def moderated_items(
    session: DbSession,
    _admin: AdminUser,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> Page[ModeratedItem]:
    """Every stored item, newest first, with who hid or pinned it."""
    return service.items(session, cursor=cursor, limit=limit)


@router.get("/admin/planet/items/{item_id}", response_model=ModeratedItem, name="item")
def moderated_item(
    item_id: ItemId, session: DbSession, _admin: AdminUser, response: Response
) -> ModeratedItem:
    found = service.item(session, item_id)
    set_etag(response, found.id, service.item_state(found))
    return ModeratedItem.model_validate(found, from_attributes=True)


@router.put("/admin/planet/items/{item_id}", response_model=ModeratedItem, name="moderate")
def moderate_item(
    item_id: ItemId,
    body: ItemModeration,
    session: DbSession,
    _admin: AdminUser,
    request: Request,
    response: Response,
    tasks: BackgroundTasks,
    if_match: IfMatch = None,
) -> ModeratedItem:
    """Hide (from every output at once) or pin an item; If-Match from the item's last read."""
    read, state = service.moderate(
        session, item_id, hidden=body.hidden, pinned=body.pinned, if_match=if_match
    )
    set_etag(response, read.id, state)
    rerender(request, tasks)
    return read


@router.get("/admin/planet/blocklist", response_model=Blocklist, name="blocklist")
def read_blocklist(session: DbSession, _admin: AdminUser, response: Response) -> Blocklist:
    keywords, version = service.blocklist(session)
    set_etag(response, service.BLOCKLIST, version)
    return keywords


@router.put("/admin/planet/blocklist", response_model=Blocklist, name="set_blocklist")
def write_blocklist(
    body: BlocklistChange,
    session: DbSession,
    _admin: AdminUser,
    request: Request,
    response: Response,
    tasks: BackgroundTasks,
    if_match: IfMatch = None,
) -> Blocklist:
    """Replace the keyword blocklist; If-Match from the last read."""
    keywords, version = service.set_blocklist(session, body.keywords, if_match)
    set_etag(response, service.BLOCKLIST, version)
    rerender(request, tasks)
    return keywords
