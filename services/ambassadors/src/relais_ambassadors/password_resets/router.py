"""Public: ask for a password reset link, check it, use it."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path
from relais_common.db import DbSession

from relais_ambassadors.password_resets import service
from relais_ambassadors.password_resets.schemas import (
    NewPassword,
    ResetLink,
    ResetRequest,
    ResetRequested,
)
from relais_ambassadors.people import AppSettings
from relais_ambassadors.problems import api_router

router = api_router("password resets", public=True)  # the mailed link is the proof

Token = Annotated[str, Path(min_length=10, max_length=100)]


@router.post("/password-resets", status_code=202, response_model=ResetRequested, name="request")
def request_reset(body: ResetRequest, session: DbSession, settings: AppSettings) -> ResetRequested:
    """Send a single-use link to choose a new password. The answer is the same whether or not
    the address has an account; at most a few links per hour go to one address."""
    service.request_reset(session, settings, body.email)
    return ResetRequested(detail=service.REQUESTED)


@router.get("/password-resets/{token}", response_model=ResetLink, name="open")
def open_link(token: Token, session: DbSession) -> ResetLink:
    """Whether a link still works (404 unknown, 410 used or expired)."""
    return ResetLink(expires_at=service.open_link(session, token).expires_at)


@router.post("/password-resets/{token}", status_code=204, name="use")
def use_link(token: Token, body: NewPassword, session: DbSession) -> None:
    """Set the new password; every session of the person is signed out."""
    service.use_link(session, token, body.password)
