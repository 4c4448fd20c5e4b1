"""Creating accounts and checking credentials, with login rate limiting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from relais_common.db import utcnow
from relais_common.errors import Conflict, TooManyRequests, Unauthorized, field_error
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from relais_ambassadors.accounts.passwords import hash_password, verify_password
from relais_ambassadors.config import Settings
from relais_ambassadors.models import Ambassador, LoginFailure
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
) -> Ambassador:
    """`password_hash` lets a bulk loader hash one shared password once instead of per person."""
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


def _retry_after(session: Session, where: ColumnElement[bool], since: datetime, window: int) -> int:
    oldest = session.scalar(
        select(func.min(LoginFailure.created_at)).where(where, LoginFailure.created_at >= since)
    )
    if oldest is None:
        return window
    return max(1, int((oldest + timedelta(seconds=window) - utcnow()).total_seconds()) + 1)


def _throttled(session: Session, settings: Settings, email: str, ip: str) -> TooManyRequests | None:
    window = settings.login_window_seconds
    since = utcnow() - timedelta(seconds=window)
    checks = [(LoginFailure.email == email, settings.login_max_per_email)]
    if ip:
        checks.append((LoginFailure.client_ip == ip, settings.login_max_per_ip))
    for where, limit in checks:
        count = session.scalar(select(func.count()).where(where, LoginFailure.created_at >= since))
        if (count or 0) >= limit:
            seconds = _retry_after(session, where, since, window)
            return TooManyRequests(
                f"Too many failed sign-in attempts; try again in {seconds} seconds.",
                headers={"Retry-After": str(seconds)},
            )
    return None


def check_login(
    session: Session, settings: Settings, *, email: str, password: str, client_ip: str
) -> LoginOutcome:
    """Verify credentials. Failures are recorded in the session, which the caller commits."""
    email = email.strip().lower()
    throttled = _throttled(session, settings, email, client_ip)
    if throttled is not None:
        return LoginOutcome(None, throttled)
    person = by_email(session, email)
    ok = verify_password(person.password_hash if person else None, password)
    if person is None or not ok or person.suspended_at is not None:
        session.add(LoginFailure(email=email, client_ip=client_ip))
        return LoginOutcome(None, Unauthorized("The e-mail address or the password is wrong."))
    session.execute(delete(LoginFailure).where(LoginFailure.email == email))
    return LoginOutcome(person, None)


def sign_out_everywhere(person: Ambassador) -> None:
    """Every session signed in until now is refused from now on (lost phone, shared computer)."""
    person.sessions_revoked_at = utcnow()


def set_password(session: Session, person: Ambassador, new_password: str) -> None:
    """A new password signs the person out everywhere and lifts the sign-in lock on them."""
    person.password_hash = hash_password(new_password)
    sign_out_everywhere(person)
    person.version += 1
    session.execute(delete(LoginFailure).where(LoginFailure.email == person.email))


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
