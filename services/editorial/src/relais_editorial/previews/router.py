"""Preview links: made and revoked by the committee, read by anyone holding the token."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Response
from relais_common.db import DbSession
from relais_common.routing import Public, api_router

from relais_editorial.access import CommitteeReader
from relais_editorial.config import EditorialSettings
from relais_editorial.networks.auth import CommitteeOf
from relais_editorial.previews import service
from relais_editorial.previews.repository import PreviewRepository
from relais_editorial.previews.schemas import (
    PreviewCreate,
    PreviewCreated,
    PreviewList,
    PreviewPublic,
    PreviewRead,
)

router = api_router("previews")
BASE = "/networks/{slug}/previews"


@router.get("/previews/{token}", dependencies=[Public], response_model=PreviewPublic, name="open")
def open_preview(
    token: Annotated[str, Path(max_length=200)],
    session: DbSession,
    settings: EditorialSettings,
    response: Response,
) -> PreviewPublic:
    """Read-only, no account needed: 404 unknown, 410 expired or revoked."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex"
    return service.open_preview(session, token, default_disclosure=settings.default_disclosure)


@router.get(BASE, response_model=PreviewList, name="list")
def list_previews(access: CommitteeReader, session: DbSession) -> PreviewList:
    """The network's preview links, newest first (revoked and expired ones too)."""
    rows = PreviewRepository(session).of_network(access.network.id)
    return PreviewList(items=[PreviewRead.model_validate(r) for r in rows])


@router.post(BASE, status_code=201, response_model=PreviewCreated, name="create")
def create(body: PreviewCreate, access: CommitteeOf, session: DbSession) -> PreviewCreated:
    link, token = service.create(session, access, body)
    return PreviewCreated(
        **PreviewRead.model_validate(link).model_dump(),
        token=token,
        api_path=f"/api/editorial/previews/{token}",
    )


@router.delete(f"{BASE}/{{preview_id}}", status_code=204, name="revoke")
def revoke(
    preview_id: Annotated[str, Path(max_length=64)], access: CommitteeOf, session: DbSession
) -> None:
    """The link stops working at once (410)."""
    service.revoke(session, access, preview_id)
