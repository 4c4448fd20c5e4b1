"""The core team's view of every ambassador (a page costs a constant number of queries)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from relais_ambassadors.admin import repository
from relais_ambassadors.models import Ambassador
from relais_ambassadors.moderation.schemas import AdminAmbassador
from relais_ambassadors.publication import current_charter_version, status_of
from relais_ambassadors.search_text import normalise
from relais_ambassadors.views import departments_by_id, listing_state, roles_of


def ambassadors_page(
    session: Session, *, status: str | None, q: str | None, cursor: str | None, limit: int
) -> tuple[list[AdminAmbassador], str | None]:
    current = current_charter_version(session)
    # a fragment of the name (accents and case ignored) or of the e-mail address
    term = q.strip() if q else ""
    rows, next_cursor = repository.ambassadors_page(
        session,
        status=status,
        current=current,
        name=normalise(q) if q and term else None,
        email=term.lower() if term else None,
        cursor=cursor,
        limit=limit,
    )
    return admin_views(session, rows, current), next_cursor


def admin_views(
    session: Session, rows: Sequence[Ambassador], current: int | None = None
) -> list[AdminAmbassador]:
    if current is None:
        current = current_charter_version(session)
    departments = departments_by_id(session, [p.department_id for p in rows])
    counts = repository.accounts_counts(session, [p.id for p in rows])
    return [
        AdminAmbassador(
            id=p.id,
            email=p.email,
            display_name=p.display_name,
            roles=roles_of(p),
            department=departments.get(p.department_id or ""),
            status=status_of(p, current),
            listing=listing_state(p, current),
            accounts_count=counts.get(p.id, 0),
            created_at=p.created_at,
        )
        for p in rows
    ]


def admin_view(session: Session, person: Ambassador) -> AdminAmbassador:
    session.flush()
    return admin_views(session, [person])[0]
