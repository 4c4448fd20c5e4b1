"""Outgoing mail is always a row first: sent by the SMTP job, or kept for the local machine.

Status: "stored" (no SMTP configured: the row is kept in the admin mailbox and, outside
production, the whole message is written to `var/mail/`), or, with RELAIS_SMTP_URL, "pending"
until the job sends it ("sent") or the server refuses it ("failed").

Secret links (reset, verification, invitation) never reach the admin mailbox: `body_text` holds
them redacted; the whole body lives in `secret_body` only until the SMTP job has sent it.
"""

from __future__ import annotations

from collections.abc import Sequence
from email.message import EmailMessage

from relais_common.db import new_id, utcnow
from sqlalchemy.orm import Session

from relais_ambassadors.config import Settings
from relais_ambassadors.mail import drop
from relais_ambassadors.models import MailMessage

STORED, PENDING = "stored", "pending"
REDACTED = "[lien envoyé au seul destinataire / link sent to the recipient only]"


def redact(body: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        body = body.replace(secret, REDACTED)
    return body


def envelope(to: str, subject: str, body: str, *, sender: str, message_id: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = to
    mail["Subject"] = subject
    mail["Message-ID"] = f"<{message_id}@relais>"
    mail.set_content(body)
    return mail


def queue_mail(
    session: Session,
    settings: Settings,
    *,
    to: str,
    subject: str,
    body_text: str,
    kind: str = "",
    secrets: Sequence[str] = (),
) -> MailMessage:
    """`secrets`: the parts of the body (links) that only the recipient may read."""
    smtp = bool(settings.smtp_url)
    message = MailMessage(
        id=new_id(),
        to=to,
        subject=subject,
        body_text=redact(body_text, secrets),
        kind=kind,
        secret_body=body_text if smtp and secrets else None,
        status=PENDING if smtp else STORED,
        created_at=utcnow(),
    )
    session.add(message)
    if not smtp:
        deliver_locally(settings, message, body_text)
    return message


def deliver_locally(settings: Settings, message: MailMessage, body: str) -> None:
    """Without SMTP the message cannot leave the machine: outside production, a local file."""
    if settings.env == "production":
        drop.log.warning("no SMTP server in production: mail to %s not delivered", message.to)
        return
    headers = {
        "From": settings.smtp_from,
        "To": message.to,
        "Subject": message.subject,
        "Message-ID": f"<{message.id}@relais>",
    }
    drop.write(
        settings.var_dir,
        message_id=message.id,
        created_at=message.created_at,
        headers=headers,
        body=body,
    )
