"""Who may join: self sign-up for the allowed e-mail domains, confirmed by a mailed link.

The answer is the same whether the address is new, claimed and never confirmed, or already
someone's: a new or unconfirmed address gets a link (an unconfirmed claim is reset, so a
stranger who typed someone else's address never blocks its real owner), a confirmed one gets
a notice ("someone tried to sign up with your address"). The password is hashed in every
case, so the three take the same time.
"""

from __future__ import annotations

from relais_common.errors import Conflict, Forbidden
from sqlalchemy.orm import Session

from relais_ambassadors.accounts import repository
from relais_ambassadors.accounts.passwords import hash_password
from relais_ambassadors.accounts.service import create_account, sign_out_everywhere
from relais_ambassadors.accounts.verification import (
    quota_left,
    send_link,
    send_signup_notice,
    void_links,
)
from relais_ambassadors.config import Settings
from relais_ambassadors.consents.service import set_listing
from relais_ambassadors.models import Ambassador
from relais_ambassadors.people import by_email

CHECK_YOUR_MAILBOX = (
    "Check your mailbox: we sent a link to confirm the address (if it already has an account, "
    "a message says so instead)."
)


class SignupClosed(Forbidden):
    code = "signup-closed"


def check_domain(settings: Settings, email: str) -> None:
    allowed = settings.allowed_signup_domains
    if not allowed:
        raise SignupClosed("Relais is open by invitation only: ask the core team for one.")
    if email.rsplit("@", 1)[-1] not in allowed:
        raise SignupClosed(
            "Addresses of this domain cannot sign up by themselves: use your company address "
            "or ask the core team for an invitation.",
            errors=[{"field": "email", "message": "Use your company e-mail address."}],
        )


def sign_up(
    session: Session,
    settings: Settings,
    *,
    email: str,
    password: str,
    display_name: str,
    locale: str,
) -> None:
    check_domain(settings, email)
    password_hash = hash_password(password)
    person = by_email(session, email)
    if person is None:
        try:
            person = create_account(
                session,
                email=email,
                password=password,
                display_name=display_name,
                locale=locale,
                password_hash=password_hash,
            )
        except Conflict:
            return  # a racing sign-up for the same address sends the link
        session.flush()
        send_link(session, settings, person)
    elif person.email_verified_at is None:
        # Over the hourly quota no link could go out: resetting the claim would only lock out
        # whoever has it now (perhaps the owner, before they open their link).
        if quota_left(session, settings, email):
            reclaim(session, person, password_hash=password_hash, name=display_name, locale=locale)
            send_link(session, settings, person)
    else:
        send_signup_notice(session, settings, person)


def reclaim(
    session: Session, person: Ambassador, *, password_hash: str, name: str, locale: str
) -> None:
    """Whoever claimed this address never confirmed it: start the account afresh for the one
    who now proves it (their password, sessions, links and profile are gone)."""
    if person.listing_public:
        set_listing(session, person, False)
    repository.drop_accounts_and_themes(session, person.id)
    repository.forget_failures(session, person.email)
    void_links(session, person)
    sign_out_everywhere(person)
    person.password_hash = password_hash
    person.display_name, person.locale = name, locale
    person.job_title = person.bio = person.location = ""
    person.languages, person.department_id = ",", None
    person.accepted_charter_version, person.is_admin = None, False
    person.version += 1
