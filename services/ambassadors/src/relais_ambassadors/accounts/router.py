"""Sign-up: anyone with an e-mail address becomes a (pending) ambassador."""

from __future__ import annotations

from fastapi import Response
from relais_common.concurrency import set_etag
from relais_common.db import DbSession
from relais_common.routing import Public

from relais_ambassadors.accounts import service
from relais_ambassadors.accounts.schemas import PasswordChange, SignupRequest
from relais_ambassadors.people import Myself
from relais_ambassadors.problems import api_router
from relais_ambassadors.schemas import Me
from relais_ambassadors.views import me_view

router = api_router("accounts")


@router.post(
    "/signup", status_code=201, response_model=Me, name="signup", dependencies=[Public]
)
def signup(body: SignupRequest, session: DbSession, response: Response) -> Me:
    person = service.create_account(
        session,
        email=body.email,
        password=body.password,
        display_name=body.display_name,
        locale=body.locale,
    )
    set_etag(response, person.id, person.version)
    return me_view(session, person)


@router.put("/me/password", status_code=204, name="change_password")
def change_password(body: PasswordChange, session: DbSession, me: Myself) -> None:
    """Change one's password (the current one is asked again). Every session, this one
    included, is signed out: sign in again with the new password."""
    service.change_password(
        session, me, current_password=body.current_password, new_password=body.new_password
    )


@router.post("/me/sessions/revoke", status_code=204, name="sign_out_everywhere")
def sign_out_everywhere(session: DbSession, me: Myself) -> None:
    """Sign out of every device, this one included: each must sign in again."""
    service.sign_out_everywhere(me)
