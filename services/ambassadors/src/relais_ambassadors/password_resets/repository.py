"""SQL for password reset links."""

from __future__ import annotations

from datetime import timedelta

from relais_common.db import utcnow
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from relais_ambassadors.models import PasswordReset


def sent_within(session: Session, person_id: str, *, hours: int) -> int:
    count = session.scalar(
        select(func.count()).where(
            PasswordReset.ambassador_id == person_id,
            PasswordReset.created_at >= utcnow() - timedelta(hours=hours),
        )
    )
    return count or 0


def by_hash(session: Session, token_hash: str) -> PasswordReset | None:
    return session.scalar(select(PasswordReset).where(PasswordReset.token_hash == token_hash))


def void_links(session: Session, person_id: str) -> None:
    session.execute(
        update(PasswordReset)
        .where(PasswordReset.ambassador_id == person_id, PasswordReset.used_at.is_(None))
        .values(used_at=utcnow())
    )
