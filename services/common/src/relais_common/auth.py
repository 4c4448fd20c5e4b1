"""Identity passed from the gateway to services, and role checks as dependency aliases.

The gateway authenticates the person (cookie or bearer token) and forwards a short-lived
HS256 token in ``X-Relais-Identity``. Services trust nothing else. Service-to-service
calls carry a token whose role is ``service``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Annotated

import jwt
from fastapi import Depends, Request

from relais_common.errors import Forbidden, Unauthorized

IDENTITY_HEADER = "X-Relais-Identity"
AUDIENCE = "relais-services"
IDENTITY_TTL_SECONDS = 60

ROLE_ADMIN = "admin"
ROLE_AMBASSADOR = "ambassador"  # a person whose e-mail address is verified
ROLE_UNVERIFIED = "unverified"  # signed up, address not confirmed yet: their own data only
ROLE_SERVICE = "service"


class EmailUnverified(Forbidden):
    """403 for a person who has not confirmed their e-mail address (the SPA recognises it)."""

    code = "email-unverified"


@dataclass(frozen=True)
class Identity:
    user_id: str
    roles: frozenset[str] = field(default_factory=frozenset)
    # When the person signed in (ms since the epoch; the gateway's session or access token).
    # A service compares it with the person's "sessions revoked at" (password changed or reset).
    signed_in_ms: int | None = None

    @property
    def is_admin(self) -> bool:
        return ROLE_ADMIN in self.roles

    @property
    def is_service(self) -> bool:
        return ROLE_SERVICE in self.roles


def issue_identity_token(
    secret: str,
    user_id: str,
    roles: frozenset[str] | set[str] | list[str],
    ttl: int = 60,
    *,
    signed_in_ms: int | None = None,
) -> str:
    now = int(time.time())
    claims: dict[str, object] = {
        "sub": user_id,
        "roles": sorted(roles),
        "aud": AUDIENCE,
        "iat": now,
        "exp": now + ttl,
    }
    if signed_in_ms is not None:
        claims["signed_in_ms"] = signed_in_ms
    return jwt.encode(claims, secret, algorithm="HS256")


def service_token(secret: str, service_name: str) -> str:
    return issue_identity_token(secret, f"service:{service_name}", {ROLE_SERVICE})


# Tokens already verified, until they expire: the gateway reuses a person's token for 30 s,
# so the signature is checked once, not on each request (PyJWT costs ~100 us a call here).
_verified: dict[tuple[str, str], tuple[Identity, float]] = {}
VERIFIED_CACHE_MAX = 10_000


def decode_identity_token(secret: str, token: str) -> Identity:
    key = (secret, token)
    hit = _verified.get(key)
    if hit is not None:
        if time.time() < hit[1]:
            return hit[0]
        del _verified[key]
    try:
        claims = jwt.decode(token, secret, algorithms=["HS256"], audience=AUDIENCE)
    except jwt.PyJWTError as exc:
        raise Unauthorized("Your session is invalid or has expired; please sign in again.") from exc
    roles = claims.get("roles") or []
    signed_in = claims.get("signed_in_ms")
    identity = Identity(
        user_id=str(claims["sub"]),
        roles=frozenset(str(r) for r in roles),
        signed_in_ms=signed_in if isinstance(signed_in, int) else None,
    )
    expires = claims.get("exp")
    if isinstance(expires, int | float):
        if len(_verified) >= VERIFIED_CACHE_MAX:
            _verified.clear()
        _verified[key] = (identity, float(expires))
    return identity


# The checks below are async on purpose: they do no I/O, and FastAPI would otherwise run each
# one in its threadpool, a hop per dependency on every request.
async def optional_identity(request: Request) -> Identity | None:
    token = request.headers.get(IDENTITY_HEADER)
    if not token:
        return None
    return decode_identity_token(request.app.state.settings.internal_secret, token)


async def require_identity(
    identity: Annotated[Identity | None, Depends(optional_identity)],
) -> Identity:
    if identity is None or identity.is_service:
        raise Unauthorized("Please sign in to use this endpoint.")
    return identity


async def require_admin(identity: Annotated[Identity, Depends(require_identity)]) -> Identity:
    if not identity.is_admin:
        raise Forbidden("Only the core team (administrators) may do this.")
    return identity


async def require_verified(identity: Annotated[Identity, Depends(require_identity)]) -> Identity:
    """Anything about other people needs a confirmed address (role ambassador or admin)."""
    if ROLE_UNVERIFIED in identity.roles or not identity.roles & {ROLE_AMBASSADOR, ROLE_ADMIN}:
        raise EmailUnverified(
            "Confirm your e-mail address first (open the link we mailed you): until then you "
            "can only see and change your own profile."
        )
    return identity


async def require_service(
    identity: Annotated[Identity | None, Depends(optional_identity)],
) -> Identity:
    if identity is None or not identity.is_service:
        raise Unauthorized("This endpoint is for Relais services only.")
    return identity


OptionalUser = Annotated[Identity | None, Depends(optional_identity)]
CurrentUser = Annotated[Identity, Depends(require_identity)]
VerifiedUser = Annotated[Identity, Depends(require_verified)]
AdminUser = Annotated[Identity, Depends(require_admin)]
ServiceCaller = Annotated[Identity, Depends(require_service)]
