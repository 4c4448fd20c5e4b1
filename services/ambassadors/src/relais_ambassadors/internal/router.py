"""For the gateway only: credential checks (login rate limiting lives here) and the current
standing of a signed-in person (erased, suspended, signed out everywhere, roles)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Request
from pydantic import BaseModel, Field
from relais_common.auth import ServiceCaller
from relais_common.db import DbSession
from relais_common.errors import NotFound
from sqlalchemy.orm import Session, sessionmaker

from relais_ambassadors.accounts.schemas import AuthCheckRequest, AuthCheckResult
from relais_ambassadors.accounts.service import auth_roles, check_login
from relais_ambassadors.people import AppSettings
from relais_ambassadors.problems import internal_router
from relais_ambassadors.repository import AmbassadorRepository

router = internal_router("internal")


class IdentityStatus(BaseModel):
    """What the gateway checks on every authenticated request (it caches it a few seconds)."""

    user_id: str
    active: bool = Field(description="False while the person is suspended.")
    roles: list[str] = Field(description="The roles to forward now (a change shows at once).")
    sessions_revoked_at_ms: int | None = Field(
        description="Sessions signed in before this instant (ms since the epoch) are refused."
    )


@router.post("/internal/auth/check", response_model=AuthCheckResult, name="auth_check")
def auth_check(
    body: AuthCheckRequest, request: Request, settings: AppSettings, _caller: ServiceCaller
) -> AuthCheckResult:
    # Own transaction: a failed attempt must be recorded even though the answer is an error.
    factory: sessionmaker[Session] = request.app.state.sessionmaker
    with factory.begin() as session:
        outcome = check_login(
            session, settings, email=body.email, password=body.password, client_ip=body.client_ip
        )
        result = (
            AuthCheckResult(user_id=outcome.person.id, roles=auth_roles(outcome.person))
            if outcome.person
            else None
        )
    if outcome.error is not None:
        raise outcome.error
    assert result is not None
    return result


@router.get("/internal/identities/{user_id}", response_model=IdentityStatus, name="identity_status")
def identity_status(
    user_id: Annotated[str, Path(max_length=64)], session: DbSession, _caller: ServiceCaller
) -> IdentityStatus:
    """404 when erased or unknown: the gateway then refuses every session of this id."""
    person = AmbassadorRepository.from_session(session).get(user_id)
    if person is None:
        raise NotFound("There is no such person (erased or never existed).")
    revoked = person.sessions_revoked_at
    return IdentityStatus(
        user_id=person.id,
        active=person.suspended_at is None,
        roles=auth_roles(person),
        sessions_revoked_at_ms=int(revoked.timestamp() * 1000) if revoked else None,
    )
