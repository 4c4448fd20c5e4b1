"""Sign-up (allowed domains, confirmed by a mailed link), passwords and sessions."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path
from relais_common.db import DbSession

from relais_ambassadors.accounts import service, signup, verification
from relais_ambassadors.accounts.schemas import PasswordChange, SignupAccepted, SignupRequest
from relais_ambassadors.people import AppSettings, Myself
from relais_ambassadors.problems import OwnData, api_router

router = api_router("accounts", public=True)  # sign-up and the mailed link: anyone
mine = api_router("accounts", own_data=True)  # the signed-in person's own account

Token = Annotated[str, Path(min_length=10, max_length=100)]


@router.post("/signup", status_code=202, response_model=SignupAccepted, name="signup")
def sign_up(body: SignupRequest, session: DbSession, settings: AppSettings) -> SignupAccepted:
    """Sign up with an address of an allowed domain (RELAIS_SIGNUP_DOMAINS; 403 otherwise).
    The answer is the same whether or not the address has an account: a link to confirm it
    is mailed (or, to an existing account's owner, a notice)."""
    signup.sign_up(
        session,
        settings,
        email=body.email,
        password=body.password,
        display_name=body.display_name,
        locale=body.locale,
    )
    return SignupAccepted(detail=signup.CHECK_YOUR_MAILBOX)


@router.post("/email-verifications/{token}", status_code=204, name="verify_email")
def verify_email(token: Token, session: DbSession) -> None:
    """Confirm the address with the mailed link (404 unknown, 410 used or expired)."""
    verification.verify(session, token)


@router.post(
    "/me/email-verification",
    status_code=202,
    response_model=SignupAccepted,
    name="resend_verification",
    dependencies=[OwnData],  # Myself signs in; suspended people keep it
)
def resend_verification(session: DbSession, settings: AppSettings, me: Myself) -> SignupAccepted:
    """Mail a new confirmation link (a few an hour; 409 when already confirmed)."""
    verification.resend(session, settings, me)
    return SignupAccepted(detail="A new link is on its way to your mailbox.")


@mine.put("/me/password", status_code=204, name="change_password")
def change_password(body: PasswordChange, session: DbSession, me: Myself) -> None:
    """Change one's password (the current one is asked again). Every session, this one
    included, is signed out: sign in again with the new password."""
    service.change_password(
        session, me, current_password=body.current_password, new_password=body.new_password
    )


@mine.post("/me/sessions/revoke", status_code=204, name="sign_out_everywhere")
def sign_out_everywhere(session: DbSession, me: Myself) -> None:
    """Sign out of every device, this one included: each must sign in again."""
    service.sign_out_everywhere(me)


router.include_router(mine)
