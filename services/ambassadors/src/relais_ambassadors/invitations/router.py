from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from fastapi import Depends, Path, Query, Request, Response
from relais_common.auth import AdminUser
from relais_common.concurrency import set_etag
from relais_common.db import DbSession
from relais_common.errors import ProblemError, field_error
from relais_common.pagination import MAX_LIMIT, Page
from relais_common.routing import Public

from relais_ambassadors.invitations import service
from relais_ambassadors.invitations.csv_import import import_invitations
from relais_ambassadors.invitations.schemas import (
    ImportReport,
    InvitationAccept,
    InvitationCreate,
    InvitationPublic,
    InvitationRead,
)
from relais_ambassadors.models import Invitation
from relais_ambassadors.people import AppSettings
from relais_ambassadors.problems import api_router
from relais_ambassadors.schemas import Me
from relais_ambassadors.views import departments_by_id, me_view

router = api_router("invitations")
MAX_CSV_BYTES = 1024 * 1024


class PayloadTooLarge(ProblemError):
    status, code = 413, "payload-too-large"


def _reads(session: DbSession, rows: Sequence[Invitation]) -> list[InvitationRead]:
    """A page of invitations with their departments in two queries (no query per row)."""
    departments = departments_by_id(session, [r.department_id for r in rows])
    return [
        InvitationRead(
            id=invitation.id,
            email=invitation.email,
            display_name=invitation.display_name,
            department=departments.get(invitation.department_id or ""),
            location=invitation.location,
            status=service.status_of(invitation),
            expires_at=invitation.expires_at,
            accepted_at=invitation.accepted_at,
            created_at=invitation.created_at,
        )
        for invitation in rows
    ]


def _read(session: DbSession, invitation: Invitation) -> InvitationRead:
    return _reads(session, [invitation])[0]


async def csv_text(request: Request) -> str:
    """The CSV as text, from a text/csv body or a multipart `file` field."""
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if upload is None:
            raise field_error("file", "Attach the CSV file in a field named file.")
        # a field without a filename arrives as text: the CSV pasted rather than attached
        raw = upload.encode() if isinstance(upload, str) else await upload.read()
    else:
        raw = await request.body()
    if len(raw) > MAX_CSV_BYTES:
        raise PayloadTooLarge("The file is larger than 1 MB; split it into several imports.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise field_error("file", "Save the file as UTF-8 CSV and try again.") from exc


_CSV_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
        },
    }
}


@router.post("/invitations", status_code=201, response_model=InvitationRead, name="create")
def create_invitation(
    body: InvitationCreate, session: DbSession, settings: AppSettings, _admin: AdminUser
) -> InvitationRead:
    invitation = service.invite(session, settings, **body.model_dump())
    return _read(session, invitation)


@router.get("/invitations", response_model=Page[InvitationRead], name="list")
def list_invitations(
    session: DbSession,
    _admin: AdminUser,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
) -> Page[InvitationRead]:
    """Every invitation, newest first."""
    rows, next_cursor = service.page(session, cursor=cursor, limit=limit)
    return Page[InvitationRead](items=_reads(session, rows), next_cursor=next_cursor)


@router.post("/invitations/{invitation_id}/revoke", response_model=InvitationRead, name="revoke")
def revoke_invitation(
    invitation_id: Annotated[str, Path(max_length=64)], session: DbSession, _admin: AdminUser
) -> InvitationRead:
    """Withdraw an invitation (a typo in the address, someone who left): its link stops working."""
    return _read(session, service.revoke(session, invitation_id))


@router.post("/invitations/{invitation_id}/resend", response_model=InvitationRead, name="resend")
def resend_invitation(
    invitation_id: Annotated[str, Path(max_length=64)],
    session: DbSession,
    settings: AppSettings,
    _admin: AdminUser,
) -> InvitationRead:
    """Send a fresh link with a new expiry date; the previous link stops working."""
    return _read(session, service.resend(session, settings, invitation_id))


@router.post(
    "/invitations/import", response_model=ImportReport, name="import", openapi_extra=_CSV_BODY
)
def import_csv(
    _admin: AdminUser,
    text: Annotated[str, Depends(csv_text)],
    session: DbSession,
    settings: AppSettings,
) -> ImportReport:
    return import_invitations(session, settings, text)


@router.get(
    "/invitations/{token}", response_model=InvitationPublic, name="open", dependencies=[Public]
)
def open_invitation(token: str, session: DbSession) -> InvitationPublic:
    """Public: what the invited person sees before choosing a password."""
    invitation = service.open_invitation(session, token)
    read = _read(session, invitation)
    return InvitationPublic(
        email=read.email,
        display_name=read.display_name,
        department=read.department,
        expires_at=read.expires_at,
    )


@router.post(
    "/invitations/{token}/accept",
    status_code=201,
    response_model=Me,
    name="accept",
    dependencies=[Public],
)
def accept_invitation(
    token: str, body: InvitationAccept, session: DbSession, response: Response
) -> Me:
    person = service.accept(session, token, **body.model_dump())
    set_etag(response, person.id, person.version)
    return me_view(session, person)
