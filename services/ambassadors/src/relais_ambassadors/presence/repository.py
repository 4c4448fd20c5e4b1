"""SQL for the presence map: people with public accounts in a scope, a page at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relais_common.pagination import after_cursor, encode_cursor
from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session

from relais_ambassadors.memberships.models import NetworkMembership
from relais_ambassadors.models import Ambassador, Department, SocialAccount


def _scope(network_id: str | None, department_id: str | None) -> Select[Any]:
    """Ids of confirmed, active people of the scope with at least one public account."""
    stmt = select(Ambassador.id).where(
        Ambassador.email_verified_at.is_not(None),
        Ambassador.suspended_at.is_(None),
        Ambassador.id.in_(
            select(SocialAccount.ambassador_id).where(SocialAccount.public.is_(True))
        ),
    )
    if network_id is not None:
        stmt = stmt.where(
            Ambassador.id.in_(
                select(NetworkMembership.ambassador_id).where(
                    NetworkMembership.network_id == network_id,
                    NetworkMembership.status == "member",
                )
            )
        )
    if department_id is not None:
        stmt = stmt.where(Ambassador.department_id == department_id)
    return stmt


def people_page(
    session: Session,
    *,
    network_id: str | None,
    department_id: str | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[Row[Any]], str | None]:
    """(id, display_name, department id, slug and name) by name."""
    stmt = (
        select(
            Ambassador.id,
            Ambassador.display_name,
            Ambassador.department_id,
            Department.slug.label("department_slug"),
            Department.name.label("department_name"),
        )
        .outerjoin(Department, Department.id == Ambassador.department_id)
        .where(Ambassador.id.in_(_scope(network_id, department_id)))
    )
    after = after_cursor(Ambassador.display_name, Ambassador.id, cursor)
    if after is not None:
        stmt = stmt.where(after)
    rows = list(
        session.execute(stmt.order_by(Ambassador.display_name, Ambassador.id).limit(limit + 1))
    )
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], encode_cursor([last.display_name, last.id])


def public_accounts(session: Session, person_ids: Sequence[str]) -> Sequence[Row[Any]]:
    return session.execute(
        select(
            SocialAccount.ambassador_id,
            SocialAccount.platform,
            SocialAccount.handle,
            SocialAccount.profile_url,
        )
        .where(SocialAccount.ambassador_id.in_(person_ids), SocialAccount.public.is_(True))
        .order_by(SocialAccount.platform, SocialAccount.handle)
    ).all()


def totals(
    session: Session, *, network_id: str | None, department_id: str | None
) -> tuple[int, dict[str, int]]:
    """People in the scope, and how many of them are on each platform (the whole scope)."""
    scope = _scope(network_id, department_id)
    people = session.scalar(select(func.count()).select_from(scope.subquery())) or 0
    rows = session.execute(
        select(SocialAccount.platform, func.count(func.distinct(SocialAccount.ambassador_id)))
        .where(SocialAccount.public.is_(True), SocialAccount.ambassador_id.in_(scope))
        .group_by(SocialAccount.platform)
    ).all()
    return int(people), {str(p): int(n) for p, n in rows}


def department(session: Session, department_id: str) -> Department | None:
    return session.get(Department, department_id)


def roles(session: Session, network_id: str, person_ids: Sequence[str]) -> dict[str, str]:
    rows = session.execute(
        select(NetworkMembership.ambassador_id, NetworkMembership.role).where(
            NetworkMembership.network_id == network_id,
            NetworkMembership.status == "member",
            NetworkMembership.ambassador_id.in_(person_ids),
        )
    ).all()
    return {r.ambassador_id: r.role for r in rows}
