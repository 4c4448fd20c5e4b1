from __future__ import annotations

from fastapi import Response
from relais_common.auth import AdminUser, CurrentUser
from relais_common.concurrency import set_etag
from relais_common.db import DbSession

from relais_ambassadors.charters import service
from relais_ambassadors.charters.schemas import (
    CharterAcceptance,
    CharterCreate,
    CharterPreview,
    CharterPreviewRequest,
    CharterRead,
)
from relais_ambassadors.people import Myself
from relais_ambassadors.problems import OwnData, api_router
from relais_ambassadors.schemas import Me
from relais_ambassadors.views import me_view

router = api_router("charters")


@router.get("/charters/current", response_model=CharterRead, name="current")
def current_charter(session: DbSession, _user: CurrentUser) -> CharterRead:
    return CharterRead.model_validate(service.current(session))


@router.get("/charters", response_model=list[CharterRead], name="history")
def charter_history(session: DbSession, _admin: AdminUser) -> list[CharterRead]:
    return [CharterRead.model_validate(c) for c in service.history(session)]


@router.post("/charters", status_code=201, response_model=CharterRead, name="publish")
def publish_charter(body: CharterCreate, session: DbSession, _admin: AdminUser) -> CharterRead:
    charter = service.publish(session, title=body.title, body_markdown=body.body_markdown)
    return CharterRead.model_validate(charter)


@router.post("/charters/preview", response_model=CharterPreview, name="preview")
async def preview_charter(body: CharterPreviewRequest, _admin: AdminUser) -> CharterPreview:
    """Render a draft as it would be published; nothing is stored (no I/O, hence async)."""
    return CharterPreview(body_html=service.render(body.body_markdown))


@router.post("/me/charter-acceptance", response_model=Me, name="accept", dependencies=[OwnData])
def accept_charter(
    body: CharterAcceptance, session: DbSession, me: Myself, response: Response
) -> Me:
    service.accept(session, me, body.version)
    set_etag(response, me.id, me.version)
    return me_view(session, me)
