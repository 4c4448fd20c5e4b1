"""SQL for the consent ledger."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from relais_ambassadors.models import ConsentRecord


def ledger(session: Session, person_id: str) -> list[ConsentRecord]:
    """The person's consent records, newest first."""
    return list(
        session.scalars(
            select(ConsentRecord)
            .where(ConsentRecord.ambassador_id == person_id)
            .order_by(ConsentRecord.created_at.desc(), ConsentRecord.id)
        )
    )
