"""The signed-in person as a dependency alias, and lookups shared by several nouns."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Protocol

from fastapi import Depends, Request
from relais_common.auth import CurrentUser, Identity, OptionalUser
from relais_common.db import DbSession, read_on_loop
from relais_common.errors import Forbidden, NotFound, Unauthorized
from relais_common.ssrf import SSRFGuard
from sqlalchemy import Row
from sqlalchemy.orm import Session

from relais_ambassadors.config import Settings
from relais_ambassadors.models import Ambassador
from relais_ambassadors.repository import STANDING_STATEMENT, AmbassadorRepository


def load_me(session: DbSession, user: CurrentUser) -> Ambassador:
    person = AmbassadorRepository.from_session(session).get(user.user_id)
    if person is None:
        raise Unauthorized("Your account no longer exists; please sign in again.")
    return person


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_guard(request: Request) -> SSRFGuard:
    settings: Settings = request.app.state.settings
    return SSRFGuard(settings.ssrf_allowed_networks)


STANDING = "relais_standing"


def standing_of(request: Request, user: Identity) -> Row[Any] | None:
    """The person's (suspended_at, sessions_revoked_at, email_verified_at), read once a request.

    The read runs on the event loop (relais_common.db.read_on_loop): a thread hop on every
    request cost more than this primary-key read of three columns. Later checks of the same
    request (the e-mail gate) reuse it from request.state.
    """
    cached: tuple[str, Row[Any] | None] | None = getattr(request.state, STANDING, None)
    if cached is not None and cached[0] == user.user_id:
        return cached[1]
    person = read_on_loop(request.app, STANDING_STATEMENT, {"person_id": user.user_id})
    setattr(request.state, STANDING, (user.user_id, person))
    return person


def _standing(request: Request, user: Identity | None) -> Row[Any] | None:
    """The signed-in person's standing, after refusing an erased person (401) and a session
    older than a sign-out everywhere (401); None for no person."""
    if user is None or user.is_service:
        return None
    person = standing_of(request, user)
    if person is None:
        raise Unauthorized("Your account no longer exists; please sign in again.")
    if session_revoked(person, user):
        raise Unauthorized("Your password was changed since you signed in; please sign in again.")
    return person


async def refuse_erased(request: Request, user: OptionalUser) -> None:
    """For the person's own data (routes declared OwnData): a suspended person keeps them
    (read, withdraw, export, erase); erased people and revoked sessions are refused."""
    _standing(request, user)


async def refuse_erased_or_suspended(request: Request, user: OptionalUser) -> None:
    """Every other route: sessions and tokens outlive an erasure or a suspension, so the person
    is checked on every call; without this, a suspended admin would keep the core team's
    powers until their token expires."""
    person = _standing(request, user)
    if person is not None and person.suspended_at is not None:
        raise Forbidden("Your account is suspended; only your own data under /me is available.")


class RevocationState(Protocol):
    sessions_revoked_at: datetime | None


def session_revoked(person: RevocationState, user: Identity) -> bool:
    """Whether the person's sessions were revoked after this one signed in."""
    if person.sessions_revoked_at is None:
        return False
    revoked_ms = int(person.sessions_revoked_at.timestamp() * 1000)
    return user.signed_in_ms is None or user.signed_in_ms < revoked_ms


Myself = Annotated[Ambassador, Depends(load_me)]
AppSettings = Annotated[Settings, Depends(get_settings)]
Guard = Annotated[SSRFGuard, Depends(get_guard)]


def ambassador_or_404(session: Session, ambassador_id: str) -> Ambassador:
    person = AmbassadorRepository.from_session(session).get(ambassador_id)
    if person is None:
        raise NotFound("There is no ambassador with this id.")
    return person


def by_email(session: Session, email: str) -> Ambassador | None:
    return AmbassadorRepository.from_session(session).by_email(email)
