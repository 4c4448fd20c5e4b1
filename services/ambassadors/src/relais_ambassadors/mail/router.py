from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import Query
from pydantic import Field
from relais_common.auth import AdminUser
from relais_common.db import DbSession
from relais_common.pagination import MAX_LIMIT, Page

from relais_ambassadors.mail import repository
from relais_ambassadors.problems import api_router
from relais_ambassadors.schemas import ORMModel

router = api_router("mail")


class MailMessageRead(ORMModel):
    id: str
    to: str
    subject: str
    body_text: str = Field(
        description="The text with every secret link (reset, e-mail confirmation, invitation) "
        "redacted: only the recipient can read it."
    )
    kind: str = Field(description="verification, signup-notice, reset, invitation, lockout…")
    created_at: datetime
    status: Literal["stored", "pending", "sent", "failed"] = Field(
        description="stored: no SMTP server configured, not sent (outside production the "
        "whole message is written to var/mail/ on the server's machine); pending: waiting for "
        "the SMTP job; sent; failed: the SMTP server refused it."
    )


@router.get("/admin/mailbox", response_model=Page[MailMessageRead], name="mailbox")
def mailbox(
    session: DbSession,
    _admin: AdminUser,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
) -> Page[MailMessageRead]:
    """Every outgoing message, newest first, secret links redacted."""
    rows, next_cursor = repository.mailbox_page(session, cursor=cursor, limit=limit)
    items = [MailMessageRead.model_validate(r) for r in rows]
    return Page[MailMessageRead](items=items, next_cursor=next_cursor)
