"""SQL for the charter: its versions, and the people listed when a new version comes out."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from relais_ambassadors.models import Ambassador, Charter


def current_version(session: Session) -> int | None:
    return session.scalar(select(func.max(Charter.version)))


def by_version(session: Session, version: int) -> Charter | None:
    return session.get(Charter, version)


def history(session: Session) -> list[Charter]:
    return list(session.scalars(select(Charter).order_by(Charter.version.desc())))


def listed_people(session: Session) -> list[Ambassador]:
    return list(
        session.scalars(
            select(Ambassador).where(Ambassador.listed_at.is_not(None)).order_by(Ambassador.id)
        )
    )
