"""Outgoing mail is always a row first: sent by the SMTP job, or read in the admin mailbox."""

from __future__ import annotations

from relais_common.db import utcnow
from sqlalchemy.orm import Session

from relais_ambassadors.models import MailMessage


def queue_mail(session: Session, *, to: str, subject: str, body_text: str) -> MailMessage:
    message = MailMessage(to=to, subject=subject, body_text=body_text, created_at=utcnow())
    session.add(message)
    return message
