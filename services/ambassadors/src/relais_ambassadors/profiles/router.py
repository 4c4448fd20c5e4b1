from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import Request, Response
from relais_common.auth import CurrentUser
from relais_common.concurrency import IfMatch, etag_of, set_etag
from relais_common.db import DbSession, one_hop
from relais_common.errors import Unauthorized
from relais_common.fastpath import FastAnswer, fast_read

from relais_ambassadors.people import Myself
from relais_ambassadors.problems import api_router
from relais_ambassadors.profiles import repository as profiles
from relais_ambassadors.profiles.schemas import ProfileUpdate
from relais_ambassadors.profiles.service import update_profile
from relais_ambassadors.schemas import Me
from relais_ambassadors.views import me_of_rows, me_view, my_view

router = api_router("profiles", own_data=True)
JSON = "application/json"


@router.get("/me", response_model=Me, name="me")
async def read_me(request: Request, session: DbSession, user: CurrentUser) -> Response:
    # The reads and the end of the transaction in one thread hop (a sync handler and the
    # Myself dependency cost two), serialised once by the model that validated it.
    me = await one_hop(request, session, lambda: my_view(session, user.user_id), read_only=True)
    if me is None:
        raise Unauthorized("Your account no longer exists; please sign in again.")
    headers = {"ETag": etag_of(me.id, me.version)}
    return Response(me.model_dump_json(), media_type=JSON, headers=headers)


@fast_read(read_me)
async def me_at_once(request: Request, values: Mapping[str, Any]) -> FastAnswer | None:
    """GET /me after the route's own guards, read through relais_common.db.read_rows; a
    person gone since the guards ran goes to the route (its 401)."""
    me = me_of_rows(*await profiles.me_rows_read(request.app, values["user"].user_id))
    if me is None:
        return None
    etag = etag_of(me.id, me.version).encode("latin-1")
    return FastAnswer(me.model_dump_json().encode(), headers=((b"etag", etag),))


@router.patch("/me", response_model=Me, name="update")
def update_me(
    body: ProfileUpdate,
    session: DbSession,
    me: Myself,
    response: Response,
    if_match: IfMatch = None,
) -> Me:
    """Send only the fields you change. A stale If-Match is merged unless one of them was
    changed since (412 with `conflicting_fields` and `current_etag`)."""
    update_profile(session, me, body, if_match=if_match)
    set_etag(response, me.id, me.version)
    return me_view(session, me)
