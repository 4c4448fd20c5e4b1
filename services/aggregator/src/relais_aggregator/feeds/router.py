"""Feed health and the owner's controls (signed in; the owner is the identity's person),
the admins' view of every feed's health, and the public image proxy."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Path, Query, Request, Response
from relais_common.auth import AdminUser, CurrentUser
from relais_common.concurrency import IfMatch, set_etag
from relais_common.db import DbSession
from relais_common.pagination import Page
from relais_common.routing import Public, api_router

from relais_aggregator.feeds import images, service
from relais_aggregator.feeds.schemas import (
    FeedFiltersChange,
    FeedHealth,
    HiddenChange,
    OwnedItem,
)

router = api_router("feeds")
Cursor = Annotated[str | None, Query(max_length=500)]
Limit = Annotated[int, Query(ge=1, le=100)]
FeedId = Annotated[str, Path(max_length=64)]


@router.get("/me/feeds", response_model=Page[FeedHealth], name="mine")
def my_feeds(
    session: DbSession, me: CurrentUser, cursor: Cursor = None, limit: Limit = 50
) -> Page[FeedHealth]:
    return service.health_page(session, person_id=me.user_id, cursor=cursor, limit=limit)


@router.put("/me/feeds/{feed_id}/filters", response_model=FeedHealth, name="set-filters")
def set_filters(
    feed_id: FeedId,
    body: FeedFiltersChange,
    session: DbSession,
    me: CurrentUser,
    response: Response,
    if_match: IfMatch = None,
) -> FeedHealth:
    feed = service.set_filters(
        session, me, feed_id, categories=body.categories, keywords=body.keywords,
        if_match=if_match,
    )  # fmt: skip
    set_etag(response, feed.id, feed.version)
    return FeedHealth.of(feed, service.item_counts(session, [feed]).get(feed.id, 0))


@router.get("/me/feeds/{feed_id}/items", response_model=Page[OwnedItem], name="items")
def my_items(
    feed_id: FeedId,
    session: DbSession,
    me: CurrentUser,
    request: Request,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[OwnedItem]:
    feed = service.own_feed(session, me, feed_id)
    tokens = images.ImageTokens(request.app.state.settings.internal_secret)
    return service.items_page(session, feed.id, cursor=cursor, limit=limit, tokens=tokens)


@router.put(
    "/me/feeds/{feed_id}/items/{item_id}/hidden", response_model=OwnedItem, name="set-hidden"
)
def set_hidden(
    feed_id: FeedId,
    item_id: Annotated[str, Path(max_length=64)],
    body: HiddenChange,
    session: DbSession,
    me: CurrentUser,
) -> OwnedItem:
    return OwnedItem.of(service.set_hidden(session, me, feed_id, item_id, body.hidden))


@router.get("/admin/feeds", response_model=Page[FeedHealth], name="admin-health")
def all_feeds(
    session: DbSession,
    _admin: AdminUser,
    status: Literal["active", "failing", "retired"] | None = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[FeedHealth]:
    return service.health_page(session, status=status, cursor=cursor, limit=limit)


@router.get(
    "/img/{token}",
    dependencies=[Public],
    name="image",
    response_class=Response,
    responses={200: {"content": {"image/*": {}}, "description": "The image"}},
)
async def image(token: Annotated[str, Path(max_length=4000)], request: Request) -> Response:
    """An image of a post, fetched by Relais (SSRF-checked, image types only, capped)."""
    image = await images.proxied_image(request.app, token)
    return Response(
        image.body,
        media_type=image.content_type,
        headers={
            "Cache-Control": f"public, max-age={images.CACHE_SECONDS}",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
        },
    )
