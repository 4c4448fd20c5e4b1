"""Background job: sends pending mail rows over SMTP (only when RELAIS_SMTP_URL is set)."""

from __future__ import annotations

import asyncio
import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

from fastapi import FastAPI
from relais_common.db import utcnow
from sqlalchemy.orm import Session, sessionmaker

from relais_ambassadors.config import Settings
from relais_ambassadors.mail import repository
from relais_ambassadors.mail.service import deliver_locally, envelope
from relais_ambassadors.models import MailMessage

log = logging.getLogger("relais.ambassadors.mail")
BATCH = 20
_DEFAULT_PORTS = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}


@dataclass(frozen=True)
class SMTPTarget:
    scheme: str
    host: str
    port: int
    username: str | None
    password: str | None


def parse_smtp_url(url: str) -> SMTPTarget:
    parts = urlsplit(url)
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise ValueError("RELAIS_SMTP_URL must look like smtp[+starttls|s]://user:pass@host:port")
    return SMTPTarget(
        scheme=parts.scheme,
        host=parts.hostname,
        port=parts.port or _DEFAULT_PORTS[parts.scheme],
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )


def _connect(target: SMTPTarget) -> smtplib.SMTP:
    if target.scheme == "smtps":
        client: smtplib.SMTP = smtplib.SMTP_SSL(
            target.host, target.port, timeout=30, context=ssl.create_default_context()
        )
    else:
        client = smtplib.SMTP(target.host, target.port, timeout=30)
        if target.scheme == "smtp+starttls":
            client.starttls(context=ssl.create_default_context())
    if target.username:
        client.login(target.username, target.password or "")
    return client


def _envelope(message: MailMessage, sender: str) -> EmailMessage:
    body = message.secret_body or message.body_text
    return envelope(message.to, message.subject, body, sender=sender, message_id=message.id)


def send_pending(sessions: sessionmaker[Session], settings: Settings) -> int:
    """Send one batch; each row is taken with a lock so replicas never send it twice."""
    target = parse_smtp_url(settings.smtp_url)
    sent = 0
    with sessions.begin() as session:
        rows = repository.take_pending(session, BATCH)
        if not rows:
            return 0
        try:
            client = _connect(target)
        except (OSError, smtplib.SMTPException) as exc:
            log.warning("SMTP server unavailable: %s", exc)
            return 0
        with client:
            for message in rows:
                try:
                    client.send_message(_envelope(message, settings.smtp_from))
                except smtplib.SMTPException as exc:
                    message.status, message.error = "failed", str(exc)[:500]
                    message.secret_body = None  # the link is never kept once it left or failed
                    continue
                message.status, message.sent_at = "sent", utcnow()
                message.secret_body = None
                sent += 1
    return sent


def store_unsent(sessions: sessionmaker[Session], settings: Settings) -> int:
    """Without SMTP, mail still `pending` from a time it was configured becomes `stored`: the
    whole message goes where unsent mail goes (see `deliver_locally`), the row keeps no secret."""
    with sessions.begin() as session:
        rows = repository.all_pending(session)
        for message in rows:
            deliver_locally(settings, message, message.secret_body or message.body_text)
            message.status, message.secret_body = "stored", None
        return len(rows)


async def mail_job(app: FastAPI) -> None:
    settings: Settings = app.state.settings
    if not settings.smtp_url:
        stored = await asyncio.to_thread(store_unsent, app.state.sessionmaker, settings)
        if stored:
            log.warning(
                "no SMTP server configured: %d unsent message(s) kept in the mailbox", stored
            )
        return
    while True:
        try:
            await asyncio.to_thread(send_pending, app.state.sessionmaker, settings)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("sending mail failed")
        await asyncio.sleep(settings.mail_poll_seconds)
