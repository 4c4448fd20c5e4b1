"""SQL for accounts: failed sign-ins, e-mail confirmation links, and resetting a claim."""

from __future__ import annotations

from datetime import datetime

from relais_common.db import utcnow
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from relais_ambassadors.models import (
    Ambassador,
    AmbassadorTheme,
    EmailVerification,
    LoginFailure,
    SocialAccount,
)


def person(session: Session, person_id: str) -> Ambassador | None:
    return session.get(Ambassador, person_id)


def failures_since(session: Session, where: ColumnElement[bool], since: datetime) -> int:
    found = session.scalar(select(func.count()).where(where, LoginFailure.created_at >= since))
    return found or 0


def oldest_failure(
    session: Session, where: ColumnElement[bool], since: datetime
) -> datetime | None:
    return session.scalar(
        select(func.min(LoginFailure.created_at)).where(where, LoginFailure.created_at >= since)
    )


def forget_failures(session: Session, email: str, client_ip: str | None = None) -> None:
    """This client's failures on the address, or all of them (`client_ip` None)."""
    stmt = delete(LoginFailure).where(LoginFailure.email == email)
    if client_ip is not None:
        stmt = stmt.where(LoginFailure.client_ip == client_ip)
    session.execute(stmt)


def verification_by_hash(session: Session, token_hash: str) -> EmailVerification | None:
    return session.scalar(
        select(EmailVerification).where(EmailVerification.token_hash == token_hash)
    )


def void_verifications(session: Session, person_id: str) -> None:
    session.execute(
        update(EmailVerification)
        .where(EmailVerification.ambassador_id == person_id, EmailVerification.used_at.is_(None))
        .values(used_at=utcnow())
    )


def drop_accounts_and_themes(session: Session, person_id: str) -> None:
    session.execute(delete(SocialAccount).where(SocialAccount.ambassador_id == person_id))
    session.execute(delete(AmbassadorTheme).where(AmbassadorTheme.ambassador_id == person_id))
