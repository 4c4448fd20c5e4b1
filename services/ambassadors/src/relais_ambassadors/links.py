"""Single-use links sent by mail (e-mail confirmation, password reset): one way to make,
store and open them. Only the token's SHA-256 is stored; the token itself is in the mail."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from typing import Protocol, TypeVar

from relais_common.db import utcnow
from relais_common.errors import Gone, NotFound


class MailedLink(Protocol):
    used_at: datetime | None
    expires_at: datetime


L = TypeVar("L", bound=MailedLink)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh token for the mail, and the hash to store."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def still_open(link: L | None, *, ask_again: str) -> L:
    """The link when it can still be used; 404 unknown, 410 used or expired.
    `ask_again` ends each message with where to get a new one."""
    if link is None:
        raise NotFound(f"This link is not valid; {ask_again}.")
    if link.used_at is not None:
        raise Gone(f"This link was already used; {ask_again}.")
    if link.expires_at <= utcnow():
        raise Gone(f"This link has expired; {ask_again}.")
    return link
