from __future__ import annotations

from fastapi import Response
from relais_common.concurrency import IfMatch, set_etag
from relais_common.db import DbSession

from relais_ambassadors.people import Myself
from relais_ambassadors.problems import api_router
from relais_ambassadors.profiles.schemas import ProfileUpdate
from relais_ambassadors.profiles.service import update_profile
from relais_ambassadors.schemas import Me
from relais_ambassadors.views import me_view

router = api_router("profiles", own_data=True)


@router.get("/me", response_model=Me, name="me")
def read_me(session: DbSession, me: Myself, response: Response) -> Me:
    set_etag(response, me.id, me.version)
    return me_view(session, me)


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
