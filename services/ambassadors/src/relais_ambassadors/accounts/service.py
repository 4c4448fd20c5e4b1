"""Creating accounts and checking credentials (throttled: see `throttle`)."""

from __future__ import annotations

from dataclasses import dataclass

from relais_common.db import utcnow
from relais_common.errors import Conflict, TooManyRequests, Unauthorized, field_error
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from relais_ambassadors.accounts import repository, throttle
from relais_ambassadors.accounts.passwords import hash_password, verify_password
from relais_ambassadors.config import Settings
from relais_ambassadors.models import Ambassador
from relais_ambassadors.people import by_email
from relais_ambassadors.views import roles_of


def create_account(
    session: Session,
    *,
    email: str,
    password: str,
    display_name: str,
    locale: str = "fr",
    department_id: str | None = None,
    location: str = "",
    is_admin: bool = False,
    password_hash: str | None = None,
    verified: bool = False,
) -> Ambassador:
    """`password_hash` lets a bulk loader hash one shared password once instead of per person;
    `verified`: the address is already proven (invitation link, first admin, demo people)."""
    if by_email(session, email) is not None:
        raise _email_taken()
    person = Ambassador(
        email=email,
        password_hash=password_hash or hash_password(password),
        display_name=display_name,
        locale=locale,
        department_id=department_id,
        location=location,
        is_admin=is_admin,
        email_verified_at=utcnow() if verified else None,
    )
    try:
        with session.begin_nested():  # a racing signup for the same e-mail: 409, not 500
            session.add(person)
    except IntegrityError:
        raise _email_taken() from None
    return person


def _email_taken() -> Conflict:
    return Conflict(
        "An account already exists for this e-mail address; sign in instead.",
        errors=[{"field": "email", "message": "This e-mail address already has an account."}],
    )


@dataclass(frozen=True)
class LoginOutcome:
    person: Ambassador | None
    error: Unauthorized | TooManyRequests | None


def check_login(
    session: Session, settings: Settings, *, email: str, password: str, client_ip: str
) -> LoginOutcome:
    """Verify credentials. Failures are recorded in the session, which the caller commits."""
    email = email.strip().lower()
    throttled = throttle.refusal(session, settings, email, client_ip)
    if throttled is not None:
        return LoginOutcome(None, throttled)
    person = by_email(session, email)
    ok = verify_password(person.password_hash if person else None, password)
    if person is None or not ok or person.suspended_at is not None:
        throttle.record_failure(session, settings, email, client_ip, person)
        return LoginOutcome(None, Unauthorized("The e-mail address or the password is wrong."))
    throttle.forget(session, email, client_ip)
    return LoginOutcome(person, None)


def sign_out_everywhere(person: Ambassador) -> None:
    """Every session signed in until now is refused from now on (lost phone, shared computer)."""
    person.sessions_revoked_at = utcnow()


def set_password(session: Session, person: Ambassador, new_password: str) -> None:
    """A new password signs the person out everywhere and lifts the sign-in lock on them."""
    person.password_hash = hash_password(new_password)
    sign_out_everywhere(person)
    person.version += 1
    repository.forget_failures(session, person.email)


def change_password(
    session: Session, person: Ambassador, *, current_password: str, new_password: str
) -> None:
    if not verify_password(person.password_hash, current_password):
        raise field_error("current_password", "This is not your current password.")
    if new_password == current_password:
        raise field_error("new_password", "Choose a password different from the current one.")
    set_password(session, person, new_password)


def auth_roles(person: Ambassador) -> list[str]:
    return roles_of(person)
