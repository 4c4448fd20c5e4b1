"""Outgoing mail is always a row first: sent by the SMTP job, or read in the admin mailbox.

Status: "stored" (no SMTP configured: kept in the local mailbox, never sent), or, with
RELAIS_SMTP_URL, "pending" until the job sends it ("sent") or the server refuses it ("failed").
"""

from __future__ import annotations

from relais_common.db import utcnow
from sqlalchemy.orm import Session

from relais_ambassadors.models import MailMessage

STORED, PENDING = "stored", "pending"


def queue_mail(
    session: Session, *, smtp: bool, to: str, subject: str, body_text: str
) -> MailMessage:
    """`smtp`: whether an SMTP server is configured (otherwise the row is only stored)."""
    message = MailMessage(
        to=to,
        subject=subject,
        body_text=body_text,
        status=PENDING if smtp else STORED,
        created_at=utcnow(),
    )
    session.add(message)
    return message
