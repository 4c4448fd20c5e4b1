"""What editorial holds about the signed-in person, for their data export."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel
from relais_common.auth import CurrentUser

router = APIRouter(tags=["exports"])


class EditorialExport(BaseModel):
    service: str = "editorial"
    user_id: str
    data: dict[str, Any]


@router.get("/me/export", response_model=EditorialExport, name="export_mine")
def export_mine(user: CurrentUser) -> EditorialExport:
    return EditorialExport(user_id=user.user_id, data={})
