"""The core team approves or rejects public listings."""

from __future__ import annotations

from relais_common.errors import Conflict
from sqlalchemy import select
from sqlalchemy.orm import Session

from relais_ambassadors.models import Ambassador, Department
from relais_ambassadors.moderation.schemas import ModerationItem
from relais_ambassadors.people import ambassador_or_404
from relais_ambassadors.publication import current_charter_version, republish, status_of
from relais_ambassadors.schemas import SocialAccountRead
from relais_ambassadors.views import accounts_of, department_views


def queue(session: Session) -> list[Ambassador]:
    return list(
        session.scalars(
            select(Ambassador)
            .where(Ambassador.listing_public.is_(True), Ambassador.moderation == "pending")
            .order_by(Ambassador.listing_consented_at, Ambassador.id)
        )
    )


def item(session: Session, person: Ambassador) -> ModerationItem:
    department = session.get(Department, person.department_id) if person.department_id else None
    return ModerationItem(
        ambassador_id=person.id,
        display_name=person.display_name,
        email=person.email,
        job_title=person.job_title,
        department=department_views(session, [department])[0] if department else None,
        status=status_of(person, current_charter_version(session)),
        moderation=person.moderation,
        reason=person.moderation_reason,
        consented_at=person.listing_consented_at,
        accounts=[SocialAccountRead.model_validate(a) for a in accounts_of(session, person.id)],
    )


def _pending(session: Session, ambassador_id: str) -> Ambassador:
    person = ambassador_or_404(session, ambassador_id)
    if not person.listing_public or person.moderation != "pending":
        raise Conflict("This person's listing is not waiting for moderation.")
    return person


def approve(session: Session, ambassador_id: str) -> Ambassador:
    person = _pending(session, ambassador_id)
    person.moderation = "approved"
    person.moderation_reason = None
    person.version += 1
    republish(session, person)
    return person


def reject(session: Session, ambassador_id: str, reason: str) -> Ambassador:
    person = _pending(session, ambassador_id)
    person.moderation = "rejected"
    person.moderation_reason = reason.strip()
    person.version += 1
    republish(session, person)
    return person
