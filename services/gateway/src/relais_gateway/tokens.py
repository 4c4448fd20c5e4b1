"""The gateway's own credentials: bearer access tokens and the session cookie (HS256 JWTs)."""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass, field

import jwt

AUDIENCE = "relais-gateway"
KIND_ACCESS = "access"
KIND_SESSION = "session"
SESSION_COOKIE = "relais_session"
CSRF_COOKIE = "relais_csrf"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class Caller:
    """A person the gateway authenticated, and how (bearer token or session cookie)."""

    user_id: str
    roles: frozenset[str] = field(default_factory=frozenset)
    via_cookie: bool = False
    csrf: str = ""
    signed_in_ms: int | None = None  # when the person signed in (services refuse older sessions)


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def issue(
    secret: str, *, kind: str, user_id: str, roles: list[str], ttl: int, csrf: str = ""
) -> str:
    now_ms = time.time_ns() // 1_000_000
    now = now_ms // 1000
    claims: dict[str, object] = {
        "sub": user_id,
        "roles": sorted(roles),
        "kind": kind,
        "aud": AUDIENCE,
        "iat": now,
        "exp": now + ttl,
        "signed_in_ms": now_ms,
    }
    if csrf:
        claims["csrf"] = csrf
    return jwt.encode(claims, secret, algorithm="HS256")


# Verified tokens, so the hot path checks each signature once (PyJWT costs ~40 us a call).
_verified: dict[tuple[str, str, str], tuple[Caller, float]] = {}
VERIFIED_CACHE_MAX = 10_000


def verify(secret: str, token: str, *, kind: str) -> Caller | None:
    """The caller a token names, or None when it is forged, expired or of another kind."""
    key = (secret, kind, token)
    hit = _verified.get(key)
    if hit is not None:
        if time.time() < hit[1]:
            return hit[0]
        del _verified[key]
    caller, expires = _decode(secret, token, kind=kind)
    if caller is not None:
        if len(_verified) >= VERIFIED_CACHE_MAX:
            _verified.clear()
        _verified[key] = (caller, expires)
    return caller


def _decode(secret: str, token: str, *, kind: str) -> tuple[Caller | None, float]:
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=["HS256"],
            audience=AUDIENCE,
            options={"require": ["exp", "sub"]},
        )
    except jwt.PyJWTError:
        return None, 0.0
    if claims.get("kind") != kind or not isinstance(claims.get("sub"), str):
        return None, 0.0
    roles = frozenset(str(r) for r in claims.get("roles") or [])
    signed_in = claims.get("signed_in_ms")
    caller = Caller(
        user_id=claims["sub"],
        roles=roles,
        via_cookie=kind == KIND_SESSION,
        csrf=str(claims.get("csrf", "")),
        signed_in_ms=signed_in if isinstance(signed_in, int) else None,
    )
    return caller, float(claims["exp"])


def csrf_matches(caller: Caller, cookie_value: str | None, header_value: str | None) -> bool:
    """Double submit, bound to the session: header == cookie == the value signed in the session."""
    if not caller.csrf or not cookie_value or not header_value:
        return False
    # as bytes: compare_digest raises on a str with non-ASCII characters (a 500 for a header)
    header, cookie = header_value.encode(), cookie_value.encode()
    return hmac.compare_digest(header, cookie) and hmac.compare_digest(header, caller.csrf.encode())
