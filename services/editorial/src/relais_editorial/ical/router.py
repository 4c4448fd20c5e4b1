"""Calendar subscriptions: `GET /ical/<token>.ics` for calendar apps (public, the token is the
key), and a member's own feed URLs."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header, Response
from relais_common.db import DbSession
from relais_common.routing import Public, api_router

from relais_editorial.access import SubscriberOf
from relais_editorial.ical import service
from relais_editorial.ical.schemas import FeedCreate, FeedCreated, FeedList, FeedRead

router = api_router("ical")
BASE = "/networks/{slug}/calendar/feeds"
CALENDAR = "text/calendar; charset=utf-8"


@router.get(
    "/ical/{token}.ics",
    dependencies=[Public],
    response_class=Response,
    responses={200: {"content": {CALENDAR: {}}, "description": "RFC 5545 calendar"}},
    name="feed",
)
def feed(
    token: str,
    session: DbSession,
    if_none_match: Annotated[str | None, Header(alias="If-None-Match")] = None,
) -> Response:
    """The network's calendar for calendar apps (304 when it did not change)."""
    rendered = service.open_feed(session, token)
    headers = {"ETag": rendered.etag, "Cache-Control": "private, max-age=300"}
    seen = {t.strip().removeprefix("W/") for t in (if_none_match or "").split(",")}
    if rendered.etag in seen or "*" in seen:
        return Response(status_code=304, headers=headers)
    return Response(rendered.body, media_type=CALENDAR, headers=headers)


@router.get(BASE, response_model=FeedList, name="list_mine")
def list_mine(access: SubscriberOf, session: DbSession) -> FeedList:
    """Your own subscriptions to this network's calendar (tokens are never shown again)."""
    return FeedList(items=[FeedRead.model_validate(f) for f in service.mine(session, access)])


@router.post(BASE, status_code=201, response_model=FeedCreated, name="create")
def create(body: FeedCreate, access: SubscriberOf, session: DbSession) -> FeedCreated:
    """A new secret feed URL for you: paste it in your calendar app."""
    feed_row, token = service.create(session, access, body.label)
    return FeedCreated(
        **FeedRead.model_validate(feed_row).model_dump(),
        token=token,
        url_path=f"/ical/{token}.ics",
    )


@router.delete(f"{BASE}/{{feed_id}}", status_code=204, name="revoke")
def revoke(feed_id: str, access: SubscriberOf, session: DbSession) -> None:
    """The URL stops working at once."""
    service.revoke(session, access, feed_id)
