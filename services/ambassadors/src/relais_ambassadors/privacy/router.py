from __future__ import annotations

import json
from typing import Any

from fastapi import Response
from pydantic import Field
from relais_common.db import DbSession
from relais_common.schemas import RequestModel

from relais_ambassadors.people import Myself
from relais_ambassadors.privacy import service
from relais_ambassadors.problems import api_router

router = api_router("privacy", own_data=True)


class ErasureRequest(RequestModel):
    password: str = Field(min_length=1, max_length=200, description="Typed again to confirm")


@router.get(
    "/me/export",
    name="export",
    response_class=Response,
    responses={200: {"content": {"application/json": {"schema": {"type": "object"}}}}},
)
def export_me(session: DbSession, me: Myself) -> Response:
    """Everything this service holds about the signed-in person, as a JSON attachment."""
    data: dict[str, Any] = service.export(session, me)
    return Response(
        json.dumps(data, default=str, indent=2, ensure_ascii=False),
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="relais-ambassadors-export.json"'},
    )


@router.delete("/me", status_code=204, name="erase")
def erase_me(body: ErasureRequest, session: DbSession, me: Myself) -> Response:
    service.erase(session, me, body.password)
    return Response(status_code=204)
