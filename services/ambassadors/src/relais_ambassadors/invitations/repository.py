"""SQL for invitations."""

from __future__ import annotations

from collections.abc import Sequence

from relais_common.pagination import paginate
from sqlalchemy import select
from sqlalchemy.orm import Session

from relais_ambassadors.models import Department, Invitation


def not_accepted_for(session: Session, email: str) -> Sequence[Invitation]:
    return session.scalars(
        select(Invitation).where(Invitation.email == email, Invitation.accepted_at.is_(None))
    ).all()


def by_id(session: Session, invitation_id: str) -> Invitation | None:
    return session.get(Invitation, invitation_id)


def by_token(session: Session, token: str) -> Invitation | None:
    return session.scalar(select(Invitation).where(Invitation.token == token))


def department(session: Session, department_id: str) -> Department | None:
    return session.get(Department, department_id)


def page(
    session: Session, *, cursor: str | None, limit: int
) -> tuple[list[Invitation], str | None]:
    """Every invitation, newest first (keyset pagination: relais_common.pagination)."""
    return paginate(
        session,
        select(Invitation),
        sort=Invitation.created_at,
        tiebreak=Invitation.id,
        cursor=cursor,
        limit=limit,
        descending=True,
    )
