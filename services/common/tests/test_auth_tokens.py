"""Identity tokens: each signature is checked once, and a token never outlives its expiry."""

from __future__ import annotations

import time
from datetime import datetime

import jwt
import jwt.api_jwt
import pytest
from relais_common import auth
from relais_common.auth import decode_identity_token, issue_identity_token
from relais_common.errors import Unauthorized

SECRET = "test-internal-secret-0123456789abcdef"


def test_a_verified_token_is_not_verified_again(monkeypatch: pytest.MonkeyPatch) -> None:
    token = issue_identity_token(SECRET, "u1", {"ambassador"}, ttl=60, signed_in_ms=5)
    first = decode_identity_token(SECRET, token)
    calls: list[str] = []
    real_decode = jwt.decode
    monkeypatch.setattr(jwt, "decode", lambda *a, **k: calls.append("x") or real_decode(*a, **k))
    again = decode_identity_token(SECRET, token)
    assert again == first and again.roles == frozenset({"ambassador"})
    assert again.signed_in_ms == 5
    assert calls == []


def test_a_cached_token_is_refused_once_expired(monkeypatch: pytest.MonkeyPatch) -> None:
    token = issue_identity_token(SECRET, "u2", {"ambassador"}, ttl=60)
    decode_identity_token(SECRET, token)
    later = time.time() + 61

    class Later(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Later:  # type: ignore[override]
            return cls.fromtimestamp(later, tz)  # type: ignore[arg-type]

    monkeypatch.setattr(auth.time, "time", lambda: later)
    monkeypatch.setattr(jwt.api_jwt, "datetime", Later)
    with pytest.raises(Unauthorized):
        decode_identity_token(SECRET, token)


def test_another_secret_is_not_served_from_the_cache() -> None:
    token = issue_identity_token(SECRET, "u3", {"ambassador"}, ttl=60)
    decode_identity_token(SECRET, token)
    with pytest.raises(Unauthorized):
        decode_identity_token("another-secret-0123456789abcdef0123", token)
