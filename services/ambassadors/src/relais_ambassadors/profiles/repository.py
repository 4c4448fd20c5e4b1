"""SQL for one's own profile: the department and themes a save may pick, the themes held."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from relais_ambassadors.models import AmbassadorTheme, Department, Theme


def department(session: Session, department_id: str) -> Department | None:
    return session.get(Department, department_id)


def open_theme_ids(session: Session, theme_ids: Sequence[str]) -> set[str]:
    """Those of ``theme_ids`` that name a theme not archived."""
    return set(
        session.scalars(
            select(Theme.id).where(Theme.id.in_(theme_ids), Theme.archived_at.is_(None))
        )
    )


def drop_themes(session: Session, person_id: str) -> None:
    session.execute(delete(AmbassadorTheme).where(AmbassadorTheme.ambassador_id == person_id))


def theme_ids(session: Session, person_id: str) -> list[str]:
    return list(
        session.scalars(
            select(AmbassadorTheme.theme_id).where(AmbassadorTheme.ambassador_id == person_id)
        )
    )
