"""Confirming an e-mail address: a single-use link mailed in the person's language.

Only the token's SHA-256 is stored. Until the address is confirmed the person sees only their
own data (see `gate.VerifiedUser`). An accepted invitation or a used reset link proves the
address as well (the link reached the mailbox).
"""

from __future__ import annotations

from datetime import timedelta

from relais_common.db import utcnow
from relais_common.errors import Conflict, NotFound, TooManyRequests
from sqlalchemy.orm import Session

from relais_ambassadors.accounts import repository
from relais_ambassadors.config import Settings
from relais_ambassadors.links import new_token, still_open, token_hash
from relais_ambassadors.mail.repository import recent_count
from relais_ambassadors.mail.service import queue_mail
from relais_ambassadors.models import Ambassador, EmailVerification

# Mails a sign-up can cause to one address; together they share the hourly quota.
SIGNUP_KINDS = ("verification", "signup-notice")


def _base(settings: Settings) -> str:
    return settings.public_base_url.rstrip("/")


def mark_verified(session: Session, person: Ambassador) -> None:
    """The address is proven: void the remaining links (idempotent)."""
    if person.email_verified_at is None:
        person.email_verified_at = utcnow()
        person.version += 1
    void_links(session, person)


def void_links(session: Session, person: Ambassador) -> None:
    repository.void_verifications(session, person.id)


def quota_left(session: Session, settings: Settings, email: str) -> bool:
    sent = recent_count(session, to=email, kinds=SIGNUP_KINDS, since_seconds=3600)
    return sent < settings.verification_max_per_hour


def _link_mail(person: Ambassador, link: str, hours: int) -> tuple[str, str]:
    if person.locale == "en":
        return (
            "Relais: confirm your e-mail address",
            f"Hello {person.display_name},\n\n"
            "Confirm your e-mail address to finish signing up to Relais "
            f"(the link works once, within {hours} hours):\n\n{link}\n\n"
            "If you did not sign up, ignore this e-mail: nothing happens without the link.\n",
        )
    return (
        "Relais : confirmez votre adresse e-mail",
        f"Bonjour {person.display_name},\n\n"
        "Confirmez votre adresse e-mail pour terminer votre inscription à Relais "
        f"(le lien ne sert qu\u2019une fois, dans les {hours}\u00a0heures)\u202f:\n\n{link}\n\n"
        "Si vous ne vous êtes pas inscrit·e, ignorez ce message\u202f: "
        "rien ne se passe sans le lien.\n",
    )


def send_link(session: Session, settings: Settings, person: Ambassador) -> bool:
    """Mail a new link when the hourly quota allows; False when it does not."""
    if not quota_left(session, settings, person.email):
        return False
    token, hashed = new_token()
    hours = settings.verification_hours
    session.add(
        EmailVerification(
            ambassador_id=person.id,
            token_hash=hashed,
            expires_at=utcnow() + timedelta(hours=hours),
            created_at=utcnow(),
        )
    )
    link = f"{_base(settings)}/app/verify-email/{token}"
    subject, body = _link_mail(person, link, hours)
    queue_mail(
        session,
        settings,
        to=person.email,
        subject=subject,
        body_text=body,
        kind="verification",
        secrets=[link],
    )
    return True


def _notice_mail(person: Ambassador, sign_in: str, forgot: str) -> tuple[str, str]:
    if person.locale == "en":
        return (
            "Relais: someone tried to sign up with your address",
            f"Hello {person.display_name},\n\n"
            "Someone (perhaps you) tried to create a Relais account with this e-mail address, "
            "which already has one. Nothing was changed.\n\n"
            f"Sign in: {sign_in}\nForgot your password? {forgot}\n\n"
            "If it was not you, you can ignore this e-mail.\n",
        )
    return (
        "Relais : quelqu\u2019un a tenté de s\u2019inscrire avec votre adresse",
        f"Bonjour {person.display_name},\n\n"
        "Quelqu\u2019un (vous, peut-être) a tenté de créer un compte Relais avec cette adresse "
        "e-mail, qui en a déjà un. Rien n\u2019a changé.\n\n"
        f"Se connecter\u202f: {sign_in}\nMot de passe oublié\u202f? {forgot}\n\n"
        "Si ce n\u2019était pas vous, vous pouvez ignorer ce message.\n",
    )


def send_signup_notice(session: Session, settings: Settings, person: Ambassador) -> None:
    """The address already has a confirmed account: tell its owner (within the quota)."""
    if not quota_left(session, settings, person.email):
        return
    base = _base(settings)
    subject, body = _notice_mail(person, f"{base}/app/sign-in", f"{base}/app/forgot-password")
    queue_mail(
        session,
        settings,
        to=person.email,
        subject=subject,
        body_text=body,
        kind="signup-notice",
    )


def resend(session: Session, settings: Settings, person: Ambassador) -> None:
    if person.email_verified_at is not None:
        raise Conflict("Your e-mail address is already confirmed.")
    if not send_link(session, settings, person):
        raise TooManyRequests(
            "Several links were sent in the last hour; open the latest one or try again later.",
            headers={"Retry-After": "3600"},
        )


def open_link(session: Session, token: str) -> EmailVerification:
    link = repository.verification_by_hash(session, token_hash(token))
    return still_open(link, ask_again="sign in and ask for a new one")


def verify(session: Session, token: str) -> Ambassador:
    link = open_link(session, token)
    person = repository.person(session, link.ambassador_id)
    if person is None:  # pragma: no cover - the cascade deletes links with the person
        raise NotFound("This link is not valid; sign in and ask for a new one.")
    mark_verified(session, person)
    return person
