"""Password hashing with argon2id; a dummy hash keeps unknown e-mails as slow as known ones."""

from __future__ import annotations

from typing import Literal

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

Hashing = Literal["standard", "fast"]
MIN_LENGTH = 10


class _State:
    hasher = PasswordHasher()
    dummy = hasher.hash("relais-dummy-password")


def configure(hashing: Hashing) -> None:
    """ "fast" is for test suites only (Settings refuses it in production)."""
    hasher = PasswordHasher.from_parameters(profiles.CHEAPEST) if hashing == "fast" else None
    _State.hasher = hasher or PasswordHasher()
    _State.dummy = _State.hasher.hash("relais-dummy-password")


def hash_password(password: str) -> str:
    return _State.hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        ok = _State.hasher.verify(password_hash or _State.dummy, password)
    except (VerificationError, InvalidHashError):
        return False
    return ok and password_hash is not None
