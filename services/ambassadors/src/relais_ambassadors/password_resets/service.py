"""“Forgot my password”: a single-use link by e-mail, in the person's language.

The answer to a request never says whether the address has an account. Only the token's
SHA-256 is stored. Using a link sets the password, signs every session out, voids the
person's other links and proves the address (e-mail verification).
"""

from __future__ import annotations

from datetime import timedelta

from relais_common.db import utcnow
from relais_common.errors import NotFound
from sqlalchemy.orm import Session

from relais_ambassadors.accounts import repository as accounts
from relais_ambassadors.accounts.service import set_password
from relais_ambassadors.accounts.verification import mark_verified
from relais_ambassadors.config import Settings
from relais_ambassadors.links import new_token, still_open, token_hash
from relais_ambassadors.mail.service import queue_mail
from relais_ambassadors.models import Ambassador, PasswordReset
from relais_ambassadors.password_resets import repository
from relais_ambassadors.people import by_email

REQUESTED = (
    "If an account exists for this address, a link to choose a new password is on its way. "
    "It works once, for a limited time (the e-mail says how long)."
)


def _mail(settings: Settings, person: Ambassador, link: str, minutes: int) -> tuple[str, str]:
    if person.locale == "en":
        return (
            "Relais: choose a new password",
            f"Hello {person.display_name},\n\n"
            "Someone (hopefully you) asked to reset your Relais password. "
            f"Choose a new one here within {minutes} minutes; the link works once:\n\n"
            f"{link}\n\n"
            "If you did not ask for it, ignore this e-mail: your password stays as it is.\n",
        )
    return (
        "Relais : choisissez un nouveau mot de passe",
        f"Bonjour {person.display_name},\n\n"
        "Quelqu\u2019un (vous, espérons-le) a demandé à réinitialiser votre mot de passe Relais. "
        f"Choisissez-en un nouveau ici dans les {minutes} minutes\u202f; "
        "le lien ne sert qu\u2019une fois\u202f:\n\n"
        f"{link}\n\n"
        "Si vous n\u2019avez rien demandé, ignorez ce message\u202f: "
        "votre mot de passe ne change pas.\n",
    )


def request_reset(session: Session, settings: Settings, email: str) -> None:
    """Send a link when the address has an active account and the hourly quota allows."""
    person = by_email(session, email)
    if person is None or person.suspended_at is not None:
        return
    if repository.sent_within(session, person.id, hours=1) >= settings.reset_max_per_hour:
        return  # no mail flood; the answer stays the same
    token, hashed = new_token()
    minutes = settings.reset_minutes
    session.add(
        PasswordReset(
            ambassador_id=person.id,
            token_hash=hashed,
            expires_at=utcnow() + timedelta(minutes=minutes),
            created_at=utcnow(),
        )
    )
    link = f"{settings.public_base_url.rstrip('/')}/app/reset-password/{token}"
    subject, body = _mail(settings, person, link, minutes)
    queue_mail(
        session,
        settings,
        to=person.email,
        subject=subject,
        body_text=body,
        kind="reset",
        secrets=[link],
    )


def open_link(session: Session, token: str) -> PasswordReset:
    link = repository.by_hash(session, token_hash(token))
    return still_open(link, ask_again="ask for a new one from the sign-in page")


def use_link(session: Session, token: str, password: str) -> None:
    link = open_link(session, token)
    person = accounts.person(session, link.ambassador_id)
    if person is None:  # pragma: no cover - the cascade deletes links with the person
        raise NotFound("This link is not valid; ask for a new one from the sign-in page.")
    set_password(session, person, password)
    # The link reached the mailbox: the address is proven (a claimant who never confirmed it
    # loses it, as set_password signed every session out and replaced the password).
    mark_verified(session, person)
    repository.void_links(session, person.id)
