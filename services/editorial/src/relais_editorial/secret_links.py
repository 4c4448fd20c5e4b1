"""Secret links handed to people or calendar apps (feeds, previews): one way to make and check
them. Only the token's SHA-256 is stored (as the ambassadors service does for mailed links), so
a copy of the database opens nothing; the token itself is shown once, to its creator."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from typing import Protocol, TypeVar

from relais_common.db import utcnow
from relais_common.errors import Gone, NotFound

# secrets.token_urlsafe(32): 43 characters; anything longer is not one of ours
MAX_TOKEN_LENGTH = 64


class SecretLink(Protocol):
    revoked_at: datetime | None


L = TypeVar("L", bound=SecretLink)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh token (32 random bytes, URL-safe) for the person, and the hash to store."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def plausible(token: str) -> bool:
    """Worth a lookup: URL-safe base64 of a sensible length (else 404 without a query)."""
    return 16 <= len(token) <= MAX_TOKEN_LENGTH and all(
        c.isascii() and (c.isalnum() or c in "-_") for c in token
    )


def still_open(link: L | None, *, expires_at: datetime | None = None, what: str) -> L:
    """The link when it still works: 404 unknown, 410 revoked or expired."""
    if link is None:
        raise NotFound(f"This {what} link is not valid.")
    if link.revoked_at is not None:
        raise Gone(f"This {what} link was revoked; ask for a new one.")
    if expires_at is not None and expires_at <= utcnow():
        raise Gone(f"This {what} link has expired; ask for a new one.")
    return link
