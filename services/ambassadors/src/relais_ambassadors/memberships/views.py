"""Read models of members, requests, invitations and the ledger, a page at a time."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from relais_ambassadors.memberships.models import NetworkRoleChange
from relais_ambassadors.memberships.repository import MembershipRepository
from relais_ambassadors.memberships.schemas import MemberRead, RoleChangeRead
from relais_ambassadors.schemas import TaxonomyRef
from relais_ambassadors.views import departments_by_id


def member_views(session: Session, rows: list[Any]) -> list[MemberRead]:
    """(membership, person) rows as MemberRead, departments loaded once for the page."""
    departments = departments_by_id(session, [person.department_id for _, person in rows])
    out = []
    for row, person in rows:
        dept = departments.get(person.department_id or "")
        out.append(
            MemberRead(
                ambassador_id=person.id,
                display_name=person.display_name,
                job_title=person.job_title,
                department=TaxonomyRef(id=dept.id, slug=dept.slug, name=dept.name)
                if dept
                else None,
                status=row.status,
                role=row.role if row.status == "member" else None,
                note=row.note,
                created_at=row.created_at,
                joined_at=row.joined_at,
            )
        )
    return out


def history_views(session: Session, rows: list[NetworkRoleChange]) -> list[RoleChangeRead]:
    ids = {r.ambassador_id for r in rows} | {r.actor_id for r in rows if r.actor_id}
    names = MembershipRepository.from_session(session).names(sorted(ids))
    return [
        RoleChangeRead(
            id=r.id,
            ambassador_id=r.ambassador_id,
            display_name=names.get(r.ambassador_id, ""),
            reason=r.reason,
            from_role=r.from_role,
            to_role=r.to_role,
            actor_id=r.actor_id,
            actor_name=names.get(r.actor_id) if r.actor_id else None,
            created_at=r.created_at,
        )
        for r in rows
    ]


def members_page(
    session: Session, network_id: str, status: str, *, cursor: str | None, limit: int
) -> tuple[list[MemberRead], str | None]:
    repo = MembershipRepository.from_session(session)
    rows, next_cursor = repo.page(network_id, status=status, cursor=cursor, limit=limit)
    return member_views(session, rows), next_cursor


def history_page(
    session: Session, network_id: str, *, cursor: str | None, limit: int
) -> tuple[list[RoleChangeRead], str | None]:
    repo = MembershipRepository.from_session(session)
    rows, next_cursor = repo.history_page(network_id, cursor=cursor, limit=limit)
    return history_views(session, rows), next_cursor
