"""For the gateway only: credential checks (login rate limiting lives here)."""

from __future__ import annotations

from fastapi import Request
from relais_common.auth import ServiceCaller
from sqlalchemy.orm import Session, sessionmaker

from relais_ambassadors.accounts.schemas import AuthCheckRequest, AuthCheckResult
from relais_ambassadors.accounts.service import auth_roles, check_login
from relais_ambassadors.people import AppSettings
from relais_ambassadors.problems import internal_router

router = internal_router("internal")


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
