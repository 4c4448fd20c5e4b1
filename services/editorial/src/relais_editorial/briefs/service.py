"""Briefs: the committee writes them (If-Match on changes), the assignee moves their status."""

from __future__ import annotations

from typing import Any

from relais_common.db import utcnow
from relais_common.errors import Forbidden, NotFound, field_error
from sqlalchemy.orm import Session

from relais_editorial.briefs.models import Brief
from relais_editorial.briefs.repository import BriefRepository
from relais_editorial.briefs.schemas import BriefCreate, BriefRead, BriefUpdate
from relais_editorial.calendars.repository import EntryRepository
from relais_editorial.networks.concurrency import require_version

# What the assignee may set: they deliver; cancelling or reopening is the committee's call.
ASSIGNEE_STATUSES = frozenset({"in_progress", "delivered"})


def _check_entry(session: Session, network_id: str, entry_id: str | None) -> None:
    if entry_id is not None and EntryRepository(session).in_network(network_id, entry_id) is None:
        raise field_error("entry_id", "No calendar entry of this network has this id.")


def create(session: Session, *, network_id: str, author_id: str, body: BriefCreate) -> Brief:
    _check_entry(session, network_id, body.entry_id)
    brief = Brief(network_id=network_id, created_by=author_id, **body.model_dump())
    return BriefRepository(session).create(brief, flush=True)


def get(session: Session, *, network_id: str, brief_id: str) -> Brief:
    brief = BriefRepository(session).in_network(network_id, brief_id)
    if brief is None:
        raise NotFound("This network has no brief with this id.")
    return brief


def update(
    session: Session, *, network_id: str, brief_id: str, body: BriefUpdate, if_match: str | None
) -> Brief:
    brief = get(session, network_id=network_id, brief_id=brief_id)
    _check_version(brief, if_match)
    changes: dict[str, Any] = body.model_dump(exclude_unset=True)
    for required in ("title", "status", "description"):
        if required in changes and changes[required] is None:
            raise field_error(required, "This field cannot be null.")
    if "entry_id" in changes:
        _check_entry(session, network_id, changes["entry_id"])
    return _bump(session, brief, changes)


def delete(session: Session, *, network_id: str, brief_id: str, if_match: str | None) -> None:
    brief = get(session, network_id=network_id, brief_id=brief_id)
    _check_version(brief, if_match)
    BriefRepository(session).delete_in_network(brief)


def set_status_as_assignee(
    session: Session, *, person_id: str, brief_id: str, status: str, if_match: str | None
) -> Brief:
    brief = BriefRepository(session).get_by_id(brief_id)
    if brief is None or brief.assignee_id != person_id:
        raise NotFound("You have no brief with this id.")
    _check_version(brief, if_match)
    if status not in ASSIGNEE_STATUSES:
        raise Forbidden("You can mark your brief in progress or delivered; ask the committee.")
    return _bump(session, brief, {"status": status})


def _check_version(brief: Brief, if_match: str | None) -> None:
    require_version(if_match, brief.id, brief.version, lambda: BriefRead.model_validate(brief))


def _bump(session: Session, brief: Brief, changes: dict[str, Any]) -> Brief:
    if changes:
        changes |= {"version": brief.version + 1, "updated_at": utcnow()}
        BriefRepository(session).update(brief, update_dict=changes, flush=True)
    return brief


def export_person(session: Session, person_id: str) -> list[dict[str, Any]]:
    return [
        {"id": b.id, "title": b.title, "status": b.status, "due_date": str(b.due_date or "")}
        for b in BriefRepository(session).assigned_to(person_id)
    ]


def erase_person(session: Session, person_id: str) -> None:
    BriefRepository(session).forget_person(person_id)
