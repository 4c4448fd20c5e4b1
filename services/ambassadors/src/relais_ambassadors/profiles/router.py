from __future__ import annotations

from fastapi import Response
from relais_common.concurrency import IfMatch, check_if_match, set_etag
from relais_common.db import DbSession

from relais_ambassadors.people import Myself
from relais_ambassadors.problems import api_router
from relais_ambassadors.profiles.schemas import ProfileUpdate
from relais_ambassadors.profiles.service import update_profile
from relais_ambassadors.schemas import Me
from relais_ambassadors.views import me_view

router = api_router("profiles")


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
    check_if_match(if_match, me.id, me.version)
    update_profile(session, me, body)
    set_etag(response, me.id, me.version)
    return me_view(session, me)
