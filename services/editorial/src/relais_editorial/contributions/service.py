"""Contributions: an ambassador suggests, the committee accepts (an entry or a brief, the
author credited) or declines with a note; the author follows the outcome."""

from __future__ import annotations

from typing import Any

from relais_common.db import utcnow
from relais_common.errors import Conflict, InvalidInput, NotFound
from sqlalchemy.orm import Session

from relais_editorial.briefs import service as briefs
from relais_editorial.briefs.schemas import BriefCreate
from relais_editorial.calendars.schemas import EntryCreate
from relais_editorial.calendars.service import create_entry
from relais_editorial.contributions.models import Contribution
from relais_editorial.contributions.repository import ContributionRepository
from relais_editorial.contributions.schemas import (
    Acceptance,
    ContributionCreate,
    EntryFromContribution,
)
from relais_editorial.networks.auth import NetworkAccess
from relais_editorial.networks.models import NetworkView
from relais_editorial.networks.repository import RoleRepository


def member_name(session: Session, access: NetworkAccess) -> str | None:
    """The person's display name in the network (None when they are not a member)."""
    if access.role is None:
        return None
    found = RoleRepository(session).role_of(access.network.id, access.person_id)
    return found.display_name if found else None


def submit(
    session: Session,
    *,
    network: NetworkView,
    author_id: str,
    member_name: str | None,
    body: ContributionCreate,
) -> Contribution:
    """``member_name``: the author's name in the network (None when not a member)."""
    contribution = Contribution(
        network_id=network.id,
        author_id=author_id,
        author_name=body.credit_name or member_name or "",
        kind=body.kind,
        title=body.title,
        url=body.url,
        draft=body.draft or None,
        note=body.note,
        status="pending",
    )
    return ContributionRepository(session).create(contribution, flush=True)


def pending(session: Session, *, network_id: str, contribution_id: str) -> Contribution:
    found = ContributionRepository(session).in_network(network_id, contribution_id, for_update=True)
    if found is None:
        raise NotFound("This network has no contribution with this id.")
    if found.status != "pending":
        raise Conflict(f"This contribution was already {found.status}.", status_now=found.status)
    return found


def accept(
    session: Session,
    *,
    access: NetworkAccess,
    contribution_id: str,
    decider_id: str,
    body: Acceptance,
) -> Contribution:
    network = access.network
    contribution = pending(session, network_id=network.id, contribution_id=contribution_id)
    if body.into == "entry":
        assert body.entry is not None  # Acceptance's validator
        contribution.entry_id = _entry_from(session, access, contribution, body.entry)
    else:
        brief = briefs.create(
            session,
            network_id=network.id,
            author_id=decider_id,
            body=BriefCreate(**_brief_fields(contribution, body)),
        )
        brief.credited_person_id = contribution.author_id
        brief.credited_name = contribution.author_name
        contribution.brief_id = brief.id
    return _decide(contribution, "accepted", decider_id, body.note or None)


def decline(
    session: Session, *, network_id: str, contribution_id: str, decider_id: str, note: str
) -> Contribution:
    contribution = pending(session, network_id=network_id, contribution_id=contribution_id)
    return _decide(contribution, "declined", decider_id, note)


def _decide(
    contribution: Contribution, status: str, decider_id: str, note: str | None
) -> Contribution:
    contribution.status = status
    contribution.decided_by = decider_id
    contribution.decided_at = utcnow()
    contribution.decision_note = note
    return contribution


def _description(contribution: Contribution) -> str:
    return "\n\n".join(part for part in (contribution.draft, contribution.note) if part)


def _entry_from(
    session: Session,
    access: NetworkAccess,
    contribution: Contribution,
    entry: EntryFromContribution,
) -> str:
    """The calendar's own rules make the entry (calendars.service); the author is credited."""
    body = EntryCreate(
        kind=entry.kind,
        title=entry.title or contribution.title,
        description=_description(contribution),
        starts_at=entry.starts_at,
        ends_at=entry.ends_at,
        theme_slug=entry.theme_slug,
        content_url=contribution.url,
    )
    try:
        created = create_entry(session, access, body)
    except InvalidInput as exc:
        for error in exc.errors or []:
            error["field"] = f"entry.{error['field']}"
        raise
    ContributionRepository(session).credit(
        created.id, contribution.author_id, contribution.author_name
    )
    return created.id


def _brief_fields(contribution: Contribution, body: Acceptance) -> dict[str, Any]:
    wanted = body.brief
    description = "\n\n".join(p for p in (contribution.url, _description(contribution)) if p)
    return {
        "title": (wanted.title if wanted else None) or contribution.title,
        "description": description,
        "entry_id": wanted.entry_id if wanted else None,
        "assignee_id": wanted.assignee_id if wanted else None,
        "due_date": wanted.due_date if wanted else None,
    }


def export_person(session: Session, person_id: str) -> list[dict[str, Any]]:
    return [
        {
            "id": c.id,
            "network_id": c.network_id,
            "title": c.title,
            "url": c.url,
            "draft": c.draft,
            "note": c.note,
            "status": c.status,
            "created_at": c.created_at.isoformat(),
        }
        for c in ContributionRepository(session).of_author(person_id)
    ]


def erase_person(session: Session, person_id: str) -> None:
    ContributionRepository(session).forget_person(person_id)
