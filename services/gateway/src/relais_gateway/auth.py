"""The gateway's own endpoints: sign in (cookie or bearer token), sign out, session."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel, Field
from relais_common.errors import Forbidden, Unauthorized
from relais_common.problems import problem_responses
from relais_common.schemas import RequestModel

from relais_gateway.credentials import CheckedUser, check_credentials
from relais_gateway.identity import resolve
from relais_gateway.middleware import is_https
from relais_gateway.ratelimit import client_ip
from relais_gateway.standing import StandingUnknown
from relais_gateway.state import Gateway, gateway_of
from relais_gateway.tokens import (
    CSRF_COOKIE,
    KIND_ACCESS,
    KIND_SESSION,
    SESSION_COOKIE,
    Caller,
    issue,
    new_csrf_token,
)

# Refusals are problem+json, documented as the services document theirs.
router = APIRouter(
    prefix="/api/auth", tags=["auth"], responses=problem_responses(400, 401, 403, 413, 422, 429)
)
bearer_scheme = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)


class LoginRequest(RequestModel):
    email: str = Field(min_length=3, max_length=254, examples=["ada@example.com"])
    password: str = Field(min_length=1, max_length=200)


class AccessToken(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type
    expires_in: int


class SessionInfo(BaseModel):
    user_id: str
    roles: list[str]
    csrf_token: str | None = Field(None, description="Send it back as X-CSRF-Token (cookies).")


GatewayState = Annotated[Gateway, Depends(gateway_of)]


async def _check(gateway: Gateway, request: Request, email: str, password: str) -> CheckedUser:
    ip = client_ip(request.scope, gateway.settings.trust_forwarded)
    return await check_credentials(
        gateway.upstreams, email=email.strip(), password=password, client_ip=ip
    )


def current_caller(request: Request, gateway: GatewayState) -> Caller | None:
    resolution = resolve(gateway.settings.session_secret, request.method, request.scope["headers"])
    if resolution.refusal:
        status, detail = resolution.refusal
        raise (Unauthorized(detail) if status == 401 else Forbidden(detail))
    return resolution.caller


OptionalCaller = Annotated[Caller | None, Depends(current_caller)]


@router.post("/token", response_model=AccessToken, name="token")
async def token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()], request: Request, gateway: GatewayState
) -> AccessToken:
    """OAuth2 password flow (`username` = e-mail) for API clients and the docs' Authorize."""
    user = await _check(gateway, request, form.username, form.password)
    ttl = gateway.settings.access_token_seconds
    secret = gateway.settings.session_secret
    jwt = issue(secret, kind=KIND_ACCESS, user_id=user.user_id, roles=user.roles, ttl=ttl)
    return AccessToken(access_token=jwt, expires_in=ttl)


@router.post("/login", response_model=SessionInfo, name="login")
async def login(
    body: LoginRequest, request: Request, response: Response, gateway: GatewayState
) -> SessionInfo:
    """Sign in from the SPA: sets the `relais_session` and `relais_csrf` cookies."""
    user = await _check(gateway, request, body.email, body.password)
    settings = gateway.settings
    csrf = new_csrf_token()
    session = issue(
        settings.session_secret,
        kind=KIND_SESSION,
        user_id=user.user_id,
        roles=user.roles,
        ttl=settings.session_seconds,
        csrf=csrf,
    )
    secure = settings.env != "development" or is_https(request.scope, settings.trust_forwarded)
    for name, value, http_only, same_site in (
        (SESSION_COOKIE, session, True, "lax"),
        (CSRF_COOKIE, csrf, False, "strict"),
    ):
        response.set_cookie(
            name,
            value,
            max_age=settings.session_seconds,
            path="/",
            secure=secure,
            httponly=http_only,
            samesite=same_site,  # type: ignore[arg-type]
        )
    return SessionInfo(user_id=user.user_id, roles=sorted(user.roles), csrf_token=csrf)


@router.post("/logout", status_code=204, name="logout")
async def logout(
    caller: OptionalCaller, _: Annotated[str | None, Depends(bearer_scheme)]
) -> Response:
    """Sign out: clears the cookies (a signed-in cookie caller must send X-CSRF-Token)."""
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response


@router.get("/session", response_model=SessionInfo, name="session")
async def session(
    caller: OptionalCaller,
    gateway: GatewayState,
    _: Annotated[str | None, Depends(bearer_scheme)],
) -> SessionInfo:
    """Who is signed in (cookie or bearer token), with the roles they have now; 401 when nobody,
    or when the person was erased, suspended or signed out everywhere since (asked of the
    ambassadors service; the token alone when it cannot answer)."""
    if caller is None:
        raise Unauthorized("Nobody is signed in.", headers={"WWW-Authenticate": "Bearer"})
    try:
        current, why = await gateway.standings.admit(caller, "GET")
    except StandingUnknown:  # a read: admit() lets it through; kept for the type checker
        current, why = caller, None
    if current is None:
        raise Unauthorized(why or "Please sign in again.", headers={"WWW-Authenticate": "Bearer"})
    return SessionInfo(
        user_id=current.user_id,
        roles=sorted(current.roles),
        csrf_token=current.csrf if current.via_cookie else None,
    )
