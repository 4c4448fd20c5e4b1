"""SQL for outgoing mail: quotas, the SMTP job's batches, the admin mailbox."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from relais_common.db import utcnow
from relais_common.pagination import paginate
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from relais_ambassadors.models import MailMessage


def recent_count(session: Session, *, to: str, kinds: Sequence[str], since_seconds: int) -> int:
    count = session.scalar(
        select(func.count()).where(
            MailMessage.to == to,
            MailMessage.kind.in_(kinds),
            MailMessage.created_at >= utcnow() - timedelta(seconds=since_seconds),
        )
    )
    return count or 0


def take_pending(session: Session, limit: int) -> Sequence[MailMessage]:
    """Oldest first, each row locked so replicas never send it twice."""
    return session.scalars(
        select(MailMessage)
        .where(MailMessage.status == "pending")
        .order_by(MailMessage.created_at, MailMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()


def all_pending(session: Session) -> Sequence[MailMessage]:
    return session.scalars(select(MailMessage).where(MailMessage.status == "pending")).all()


def mailbox_page(
    session: Session, *, cursor: str | None, limit: int
) -> tuple[list[MailMessage], str | None]:
    return paginate(
        session,
        select(MailMessage),
        sort=MailMessage.created_at,
        tiebreak=MailMessage.id,
        cursor=cursor,
        limit=limit,
        descending=True,
    )
