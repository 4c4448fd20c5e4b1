"""What editorial holds about the signed-in person, for their data export."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from relais_common.auth import CurrentUser
from relais_common.db import DbSession
from relais_common.routing import api_router

from relais_editorial.privacy import REGISTRY

router = api_router("exports")


class EditorialExport(BaseModel):
    service: str = "editorial"
    user_id: str
    data: dict[str, Any]


@router.get("/me/export", response_model=EditorialExport, name="export_mine")
def export_mine(user: CurrentUser, session: DbSession) -> EditorialExport:
    # a sync handler: it reads the database (sessions are synchronous), each noun's part
    # coming from its registration in relais_editorial.privacy
    return EditorialExport(user_id=user.user_id, data=REGISTRY.export(session, user.user_id))
