from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Response
from relais_common.auth import AdminUser, CurrentUser
from relais_common.concurrency import IfMatch, check_if_match, set_etag
from relais_common.db import DbSession
from relais_common.routing import include_archived_option

from relais_ambassadors.models import Theme
from relais_ambassadors.problems import api_router
from relais_ambassadors.schemas import ThemeRead
from relais_ambassadors.themes import service
from relais_ambassadors.themes.schemas import MergeRequest, ThemeCreate, ThemeUpdate
from relais_ambassadors.views import theme_views

router = api_router("themes")
IncludeArchived = Annotated[
    bool, Depends(include_archived_option("Only administrators can see archived themes."))
]


def _view(session: DbSession, theme: Theme, response: Response) -> ThemeRead:
    set_etag(response, theme.id, theme.version)
    return theme_views(session, [theme])[0]


@router.get("/themes", response_model=list[ThemeRead], name="list")
def list_themes(session: DbSession, include_archived: IncludeArchived) -> list[ThemeRead]:
    return theme_views(session, service.listing(session, include_archived=include_archived))


@router.get("/themes/{theme_id}", response_model=ThemeRead, name="get")
def get_theme(
    theme_id: str, session: DbSession, _user: CurrentUser, response: Response
) -> ThemeRead:
    return _view(session, service.get(session, theme_id), response)


@router.post("/themes", status_code=201, response_model=ThemeRead, name="create")
def create_theme(
    body: ThemeCreate, session: DbSession, _admin: AdminUser, response: Response
) -> ThemeRead:
    theme = service.create(session, name=body.name, description=body.description)
    return _view(session, theme, response)


@router.patch("/themes/{theme_id}", response_model=ThemeRead, name="update")
def update_theme(
    theme_id: str,
    body: ThemeUpdate,
    session: DbSession,
    _admin: AdminUser,
    response: Response,
    if_match: IfMatch = None,
) -> ThemeRead:
    theme = service.get(session, theme_id)
    check_if_match(if_match, theme.id, theme.version)
    service.update(session, theme, name=body.name, description=body.description)
    return _view(session, theme, response)


@router.post("/themes/{theme_id}/merge", response_model=ThemeRead, name="merge")
def merge_theme(
    theme_id: str, body: MergeRequest, session: DbSession, _admin: AdminUser, response: Response
) -> ThemeRead:
    target = service.merge(session, service.get(session, theme_id), body.into_id)
    return _view(session, target, response)


@router.post("/themes/{theme_id}/archive", response_model=ThemeRead, name="archive")
def archive_theme(
    theme_id: str, session: DbSession, _admin: AdminUser, response: Response
) -> ThemeRead:
    theme = service.archive(session, service.get(session, theme_id))
    return _view(session, theme, response)
