"""Invitations by e-mail link: one mail row each, accepted once, before they expire."""

from __future__ import annotations

import secrets
from datetime import timedelta

from relais_common.db import utcnow
from relais_common.errors import Conflict, Gone, NotFound, field_error
from sqlalchemy.orm import Session

from relais_ambassadors.accounts.passwords import hash_password
from relais_ambassadors.accounts.service import create_account
from relais_ambassadors.accounts.signup import reclaim
from relais_ambassadors.accounts.verification import mark_verified
from relais_ambassadors.config import Settings
from relais_ambassadors.invitations import repository
from relais_ambassadors.mail.service import queue_mail
from relais_ambassadors.models import Ambassador, Invitation
from relais_ambassadors.people import by_email


def status_of(invitation: Invitation) -> str:
    if invitation.accepted_at is not None:
        return "accepted"
    if invitation.revoked_at is not None:
        return "revoked"
    return "expired" if invitation.expires_at <= utcnow() else "pending"


def _has_account(session: Session, email: str) -> bool:
    """A claim never confirmed is no account: the invitation lets the real owner take it."""
    person = by_email(session, email)
    return person is not None and person.email_verified_at is not None


def duplicate_reason(session: Session, email: str) -> str | None:
    if _has_account(session, email):
        return "already has an account"
    open_ones = repository.not_accepted_for(session, email)
    if any(status_of(i) == "pending" for i in open_ones):
        return "already invited"
    return None


def _link(settings: Settings, invitation: Invitation) -> str:
    return f"{settings.public_base_url.rstrip('/')}/app/invitations/{invitation.token}"


def _mail_body(settings: Settings, invitation: Invitation) -> str:
    link = _link(settings, invitation)
    greeting = f"Bonjour {invitation.display_name}," if invitation.display_name else "Bonjour,"
    return (
        f"{greeting}\n\n"
        "Vous êtes invité·e à rejoindre Relais, le réseau des ambassadeurs de l'entreprise.\n"
        "You are invited to join Relais, the company's ambassador network.\n\n"
        f"{link}\n\n"
        f"Ce lien expire le / This link expires on {invitation.expires_at:%Y-%m-%d}.\n"
    )


def invite(
    session: Session,
    settings: Settings,
    *,
    email: str,
    display_name: str = "",
    department_id: str | None = None,
    location: str = "",
) -> Invitation:
    reason = duplicate_reason(session, email)
    if reason:
        raise Conflict(
            f"{email} {reason}.", errors=[{"field": "email", "message": f"This person {reason}."}]
        )
    if department_id:
        department = repository.department(session, department_id)
        if department is None or department.archived_at is not None:
            raise field_error("department_id", "Pick a department from the list.")
    invitation = Invitation(
        token=secrets.token_urlsafe(24),
        email=email,
        display_name=display_name.strip(),
        department_id=department_id,
        location=location.strip(),
        expires_at=utcnow() + timedelta(days=settings.invitation_days),
        created_at=utcnow(),
    )
    session.add(invitation)
    session.flush()
    _send(session, settings, invitation)
    return invitation


def _send(session: Session, settings: Settings, invitation: Invitation) -> None:
    queue_mail(
        session,
        settings,
        to=invitation.email,
        subject="Invitation à rejoindre Relais / Invitation to join Relais",
        body_text=_mail_body(settings, invitation),
        kind="invitation",
        secrets=[_link(settings, invitation)],
    )


def _invitation_or_404(session: Session, invitation_id: str) -> Invitation:
    invitation = repository.by_id(session, invitation_id)
    if invitation is None:
        raise NotFound("There is no invitation with this id.")
    return invitation


def revoke(session: Session, invitation_id: str) -> Invitation:
    """Withdraw an invitation: its link stops working at once (idempotent)."""
    invitation = _invitation_or_404(session, invitation_id)
    if invitation.accepted_at is not None:
        raise Conflict("This invitation was already accepted; suspend the account instead.")
    if invitation.revoked_at is None:
        invitation.revoked_at = utcnow()
    return invitation


def resend(session: Session, settings: Settings, invitation_id: str) -> Invitation:
    """A new link (the old one stops working), a new expiry date and a new e-mail."""
    invitation = _invitation_or_404(session, invitation_id)
    if invitation.accepted_at is not None:
        raise Conflict("This invitation was already accepted.")
    if _has_account(session, invitation.email):
        raise Conflict(f"{invitation.email} already has an account.")
    invitation.token = secrets.token_urlsafe(24)
    invitation.expires_at = utcnow() + timedelta(days=settings.invitation_days)
    invitation.revoked_at = None
    _send(session, settings, invitation)
    return invitation


def page(
    session: Session, *, cursor: str | None, limit: int
) -> tuple[list[Invitation], str | None]:
    """Every invitation, newest first."""
    return repository.page(session, cursor=cursor, limit=limit)


def open_invitation(session: Session, token: str) -> Invitation:
    invitation = repository.by_token(session, token)
    if invitation is None:
        raise NotFound("This invitation link is not valid; ask for a new one.")
    status = status_of(invitation)
    if status == "revoked":
        raise Gone("This invitation was withdrawn by the core team; ask them if it is a mistake.")
    if status != "pending":
        raise Gone("This invitation was already used or has expired; ask for a new one.")
    return invitation


def accept(
    session: Session,
    token: str,
    *,
    password: str,
    display_name: str | None,
    locale: str | None,
) -> Ambassador:
    """The link reached the mailbox: the account is verified. A claim of the same address that
    was never confirmed is reset for the invited person (`signup.reclaim`)."""
    invitation = open_invitation(session, token)
    name = display_name or invitation.display_name or invitation.email.split("@")[0]
    claim = by_email(session, invitation.email)
    if claim is not None and claim.email_verified_at is None:
        reclaim(
            session, claim, password_hash=hash_password(password), name=name, locale=locale or "fr"
        )
        claim.department_id, claim.location = invitation.department_id, invitation.location
        mark_verified(session, claim)
        person = claim
    else:
        person = create_account(
            session,
            email=invitation.email,
            password=password,
            display_name=name,
            locale=locale or "fr",
            department_id=invitation.department_id,
            location=invitation.location,
            verified=True,
        )
    invitation.accepted_at = utcnow()
    return person
