"""SQL for suggestions: who declared the network's themes, their public platforms, and what
the network's members already bring (languages, departments)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from relais_ambassadors.memberships.models import NetworkMembership
from relais_ambassadors.models import Ambassador, AmbassadorTheme, Department, SocialAccount

# rows (person, theme) read at most: a bound on the work, whatever the company's size
CANDIDATE_ROWS = 5000


def _members(network_id: str) -> Any:
    return select(NetworkMembership.ambassador_id).where(
        NetworkMembership.network_id == network_id, NetworkMembership.status == "member"
    )


def candidate_rows(
    session: Session, network_id: str, theme_ids: Sequence[str]
) -> Sequence[Row[Any]]:
    """(id, display_name, department_id, department name, languages, theme_id) of confirmed,
    active people who declared one of ``theme_ids`` and are not members."""
    return session.execute(
        select(
            Ambassador.id,
            Ambassador.display_name,
            Ambassador.department_id,
            Department.name.label("department_name"),
            Ambassador.languages,
            AmbassadorTheme.theme_id,
        )
        .join(AmbassadorTheme, AmbassadorTheme.ambassador_id == Ambassador.id)
        .outerjoin(Department, Department.id == Ambassador.department_id)
        .where(
            AmbassadorTheme.theme_id.in_(theme_ids),
            Ambassador.email_verified_at.is_not(None),
            Ambassador.suspended_at.is_(None),
            Ambassador.id.not_in(_members(network_id)),
        )
        .order_by(Ambassador.id)
        .limit(CANDIDATE_ROWS)
    ).all()


def public_platforms(session: Session, person_ids: Sequence[str]) -> dict[str, set[str]]:
    rows = session.execute(
        select(SocialAccount.ambassador_id, SocialAccount.platform).where(
            SocialAccount.ambassador_id.in_(person_ids), SocialAccount.public.is_(True)
        )
    ).all()
    found: dict[str, set[str]] = {}
    for person_id, platform in rows:
        found.setdefault(person_id, set()).add(platform)
    return found


def members_profile(session: Session, network_id: str) -> Sequence[Row[Any]]:
    """(languages, department_id) of each member."""
    return session.execute(
        select(Ambassador.languages, Ambassador.department_id).where(
            Ambassador.id.in_(_members(network_id))
        )
    ).all()


def department_slugs(session: Session, ids: Sequence[str | None]) -> dict[str, str]:
    wanted = sorted({i for i in ids if i})
    rows = session.execute(select(Department.id, Department.slug).where(Department.id.in_(wanted)))
    return {r.id: r.slug for r in rows}
