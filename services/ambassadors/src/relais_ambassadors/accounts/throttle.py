"""Sign-in throttling that slows the attacker, not the owner.

Wrong passwords are counted per address *and client* (an attacker at one IP locks only
himself out of that address), per client over all addresses, and per address with a far
higher ceiling that still stops a distributed attack. The owner is told by mail when a lock on
their address happens: once per lock and window, never once per attempt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from relais_common.db import utcnow
from relais_common.errors import TooManyRequests
from sqlalchemy import and_
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from relais_ambassadors.accounts import repository
from relais_ambassadors.config import Settings
from relais_ambassadors.mail.repository import recent_count
from relais_ambassadors.mail.service import queue_mail
from relais_ambassadors.models import Ambassador, LoginFailure


@dataclass(frozen=True)
class _Limit:
    where: ColumnElement[bool]
    ceiling: int
    mail_kind: str | None  # a lock on the owner's address is mailed to them with this kind


def _limits(settings: Settings, email: str, ip: str) -> list[_Limit]:
    client = and_(LoginFailure.email == email, LoginFailure.client_ip == ip)
    limits = [_Limit(client, settings.login_max_per_client, "lockout")]
    if ip:
        limits.append(_Limit(LoginFailure.client_ip == ip, settings.login_max_per_ip, None))
    limits.append(_Limit(LoginFailure.email == email, settings.login_max_per_email, "lockout-all"))
    return limits


_count = repository.failures_since


def _retry_after(session: Session, where: ColumnElement[bool], since: datetime, window: int) -> int:
    oldest = repository.oldest_failure(session, where, since)
    if oldest is None:
        return window
    return max(1, int((oldest + timedelta(seconds=window) - utcnow()).total_seconds()) + 1)


def refusal(session: Session, settings: Settings, email: str, ip: str) -> TooManyRequests | None:
    window = settings.login_window_seconds
    since = utcnow() - timedelta(seconds=window)
    for limit in _limits(settings, email, ip):
        if _count(session, limit.where, since) >= limit.ceiling:
            seconds = _retry_after(session, limit.where, since, window)
            return TooManyRequests(
                f"Too many failed sign-in attempts; try again in {seconds} seconds.",
                headers={"Retry-After": str(seconds)},
            )
    return None


def record_failure(
    session: Session, settings: Settings, email: str, ip: str, person: Ambassador | None
) -> None:
    """Count the failure; when it locks the owner's address (from this client or from
    everywhere), mail the owner unless a mail about such a lock went out in this window."""
    session.add(LoginFailure(email=email, client_ip=ip, created_at=utcnow()))
    if person is None:
        return
    session.flush()
    window = settings.login_window_seconds
    since = utcnow() - timedelta(seconds=window)
    for limit in _limits(settings, email, ip):
        if limit.mail_kind is None or _count(session, limit.where, since) != limit.ceiling:
            continue
        if recent_count(session, to=email, kinds=[limit.mail_kind], since_seconds=window) == 0:
            _mail_lock(session, settings, person, ip, everywhere=limit.mail_kind == "lockout-all")


def forget(session: Session, email: str, ip: str) -> None:
    """A right password clears this client's failures only: never an attacker's elsewhere."""
    repository.forget_failures(session, email, ip)


def _mail_lock(
    session: Session, settings: Settings, person: Ambassador, ip: str, *, everywhere: bool
) -> None:
    minutes = max(1, settings.login_window_seconds // 60)
    where_en = "from everywhere" if everywhere else f"from the network address {ip or 'unknown'}"
    where_fr = (
        "depuis partout" if everywhere else f"depuis l\u2019adresse réseau {ip or 'inconnue'}"
    )
    reset = f"{settings.public_base_url.rstrip('/')}/app/forgot-password"
    if person.locale == "en":
        subject = "Relais: sign-in to your account locked after wrong passwords"
        body = (
            f"Hello {person.display_name},\n\n"
            f"Several wrong passwords were typed for your Relais account, so signing in to it "
            f"{where_en} is paused for up to {minutes} minutes.\n\n"
            "If it was you, wait and try again. If not, someone is guessing your password: "
            f"choose a new one here (it lifts the lock): {reset}\n"
        )
    else:
        subject = "Relais : connexion à votre compte bloquée après des mots de passe erronés"
        body = (
            f"Bonjour {person.display_name},\n\n"
            "Plusieurs mots de passe erronés ont été saisis pour votre compte Relais\u202f: la "
            f"connexion {where_fr} est suspendue pendant au plus {minutes}\u00a0minutes.\n\n"
            "Si c\u2019était vous, patientez puis réessayez. Sinon, quelqu\u2019un essaie de "
            f"deviner votre mot de passe\u202f: choisissez-en un nouveau ici (cela lève le "
            f"blocage)\u202f: {reset}\n"
        )
    kind = "lockout-all" if everywhere else "lockout"
    queue_mail(session, settings, to=person.email, subject=subject, body_text=body, kind=kind)
