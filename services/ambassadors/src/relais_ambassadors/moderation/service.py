"""The core team approves or rejects first listings and changes to listed people's entries."""

from __future__ import annotations

from relais_common.errors import Conflict, ProblemError, field_error
from sqlalchemy.orm import Session

from relais_ambassadors.models import Ambassador, ModerationPolicy
from relais_ambassadors.moderation import policy, repository
from relais_ambassadors.moderation.changes import approve_live, decline_live, live_values
from relais_ambassadors.moderation.schemas import BulkResult, PendingCount
from relais_ambassadors.people import ambassador_or_404
from relais_ambassadors.publication import republish, republish_all


def pending_count(session: Session) -> PendingCount:
    listings = repository.count(session, repository.listing_waits())
    changes = repository.count(session, repository.change_waits())
    return PendingCount(listings=listings, changes=changes, total=listings + changes)


def _waiting(session: Session, ambassador_id: str) -> tuple[Ambassador, bool]:
    """The person and whether their first listing (True) or a change (False) waits."""
    person = ambassador_or_404(session, ambassador_id)
    if person.listing_public and person.moderation == "pending":
        return person, True
    if (
        person.listing_public
        and person.moderation == "approved"
        and person.change_status == "pending"
    ):
        return person, False
    raise Conflict("Nothing of this person's is waiting for moderation.")


def approve(session: Session, ambassador_id: str) -> Ambassador:
    """The live values become the approved, public version."""
    person, listing = _waiting(session, ambassador_id)
    if listing:
        person.moderation, person.moderation_reason = "approved", None
    approve_live(person, live_values(session, person))
    person.version += 1
    republish(session, person)
    return person


def reject(session: Session, ambassador_id: str, reason: str) -> Ambassador:
    """A first listing is rejected; a change is declined (the approved version stays public)."""
    person, listing = _waiting(session, ambassador_id)
    if listing:
        person.moderation, person.moderation_reason = "rejected", reason.strip()
    else:
        decline_live(person, live_values(session, person), reason.strip())
    person.version += 1
    republish(session, person)
    return person


def decide_many(
    session: Session, action: str, ambassador_ids: list[str], reason: str | None
) -> list[BulkResult]:
    """One decision per person; a refusal for one (404, 409) does not stop the others."""
    if action == "reject" and not (reason or "").strip():
        raise field_error("reason", "Say why: the people concerned will read it.")
    results = []
    for ambassador_id in dict.fromkeys(ambassador_ids):
        try:
            if action == "approve":
                approve(session, ambassador_id)
            else:
                reject(session, ambassador_id, reason or "")
            results.append(BulkResult(ambassador_id=ambassador_id, status=200, detail=None))
        except ProblemError as refusal:
            results.append(
                BulkResult(
                    ambassador_id=ambassador_id, status=refusal.status, detail=refusal.detail
                )
            )
    return results


def set_policy(session: Session, moderate_changes: bool) -> ModerationPolicy:
    """Turning moderation of changes off publishes the changes that were waiting."""
    row = policy.set_moderate_changes(session, moderate_changes)
    if not moderate_changes:
        republish_all(session, repository.changes_not_approved(session))
    return row
