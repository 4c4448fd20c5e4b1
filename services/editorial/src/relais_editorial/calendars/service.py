"""Calendar rules: dates in order, themes of the network, owners among its members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from relais_common.db import utcnow
from relais_common.errors import NotFound, field_error
from sqlalchemy.orm import Session

from relais_editorial.calendars.cache import KeptView, ViewCache
from relais_editorial.calendars.models import CalendarEntry
from relais_editorial.calendars.repository import EntryRepository
from relais_editorial.calendars.rules import entry_problems
from relais_editorial.calendars.schemas import (
    CalendarItem,
    CalendarView,
    EntryCreate,
    EntryKind,
    EntryList,
    EntryRead,
    EntryStatus,
    EntryUpdate,
    GridSummary,
    PathRead,
    PathUpdate,
    Reschedule,
)
from relais_editorial.contributions.repository import ContributionRepository
from relais_editorial.grids.repository import GridRepository, grid_summaries
from relais_editorial.networks.auth import NetworkAccess
from relais_editorial.networks.concurrency import require_version
from relais_editorial.networks.repository import RoleRepository, SettingsRepository

MAX_VIEW_DAYS = 100


@dataclass(frozen=True)
class People:
    """Who the entries name: owners by id, and the credit of each entry made of a suggestion."""

    names: dict[str, str]
    credits: dict[str, str]


def entry_read(entry: CalendarEntry, people: People) -> EntryRead:
    return EntryRead(
        id=entry.id,
        kind=cast(EntryKind, entry.kind),
        title=entry.title,
        description=entry.description,
        starts_at=entry.starts_at,
        ends_at=entry.ends_at,
        theme_slug=entry.theme_slug,
        owner_id=entry.owner_id,
        owner_name=people.names.get(entry.owner_id) if entry.owner_id else None,
        credited_name=people.credits.get(entry.id),
        content_url=entry.content_url,
        status=cast(EntryStatus, entry.status),
        path_position=entry.path_position,
        version=entry.version,
        created_at=entry.created_at,
        updated_at=entry.updated_at,
    )


def _people(session: Session, network_id: str, entries: list[CalendarEntry]) -> People:
    owners = {e.owner_id for e in entries if e.owner_id}
    credits = ContributionRepository(session).credits_of([e.id for e in entries])
    return People(
        names=RoleRepository.from_session(session).names(network_id, owners),
        credits={entry_id: c.display_name for entry_id, c in credits.items()},
    )


def read_one(session: Session, entry: CalendarEntry) -> EntryRead:
    return entry_read(entry, _people(session, entry.network_id, [entry]))


def entry_or_404(
    session: Session, access: NetworkAccess, entry_id: str, *, for_update: bool = False
) -> CalendarEntry:
    entry = EntryRepository.from_session(session).in_network(
        access.network.id, entry_id, for_update=for_update
    )
    if entry is None:
        raise NotFound("This network has no such calendar entry.")
    return entry


def _check(session: Session, access: NetworkAccess, values: dict[str, Any]) -> None:
    roles = RoleRepository.from_session(session)
    problems = entry_problems(
        access.network, values, lambda owner: roles.role_name(access.network.id, owner) is not None
    )
    if problems:
        raise field_error(*problems[0])


def create_entry(session: Session, access: NetworkAccess, body: EntryCreate) -> EntryRead:
    values = body.model_dump()
    values["ends_at"] = values["ends_at"] or values["starts_at"]
    values["owner_id"] = values["owner_id"] or access.person_id
    _check(session, access, values)
    entry = CalendarEntry(network_id=access.network.id, version=1, **values)
    EntryRepository.from_session(session).create(entry, flush=True)
    return read_one(session, entry)


def _apply(
    session: Session, access: NetworkAccess, entry: CalendarEntry, changes: dict[str, Any]
) -> EntryRead:
    values = {
        "starts_at": entry.starts_at,
        "ends_at": entry.ends_at,
        "theme_slug": None,
        "owner_id": None,
    } | changes
    _check(session, access, values)
    changes |= {"version": entry.version + 1, "updated_at": utcnow()}
    EntryRepository.from_session(session).update(entry, update_dict=changes, flush=True)
    return read_one(session, entry)


def update_entry(
    session: Session, access: NetworkAccess, entry_id: str, body: EntryUpdate, if_match: str | None
) -> EntryRead:
    entry = entry_or_404(session, access, entry_id, for_update=True)
    require_version(if_match, entry.id, entry.version, lambda: read_one(session, entry))
    changes = body.model_dump(exclude_unset=True)
    for required in ("kind", "title", "description", "starts_at", "ends_at", "status"):
        if required in changes and changes[required] is None:
            raise field_error(required, "This field cannot be cleared.")
    return _apply(session, access, entry, changes)


def reschedule(
    session: Session, access: NetworkAccess, entry_id: str, body: Reschedule, if_match: str | None
) -> EntryRead:
    entry = entry_or_404(session, access, entry_id, for_update=True)
    require_version(if_match, entry.id, entry.version, lambda: read_one(session, entry))
    ends = body.ends_at or body.starts_at + (entry.ends_at - entry.starts_at)
    return _apply(session, access, entry, {"starts_at": body.starts_at, "ends_at": ends})


def delete_entry(
    session: Session, access: NetworkAccess, entry_id: str, if_match: str | None
) -> None:
    entry = entry_or_404(session, access, entry_id, for_update=True)
    require_version(if_match, entry.id, entry.version, lambda: read_one(session, entry))
    EntryRepository.from_session(session).delete(entry, flush=True)


def calendar_view(
    session: Session, access: NetworkAccess, starts: datetime, ends: datetime
) -> CalendarView:
    """A month or week: the entries touching [starts, ends) with their grids' summary."""
    if ends <= starts:
        raise field_error("to", "`to` must come after `from`.")
    if ends - starts > timedelta(days=MAX_VIEW_DAYS):
        raise field_error("to", f"Ask for at most {MAX_VIEW_DAYS} days at once.")
    entries = list(
        EntryRepository.from_session(session).overlapping(access.network.id, starts, ends)
    )
    people = _people(session, access.network.id, entries)
    grids, counts = grid_summaries(session, [e.id for e in entries])
    now = utcnow()
    by_entry: dict[str, list[GridSummary]] = {e.id: [] for e in entries}
    for g in grids:
        by_entry[g.entry_id].append(
            GridSummary(
                id=g.id,
                title=g.title,
                status=g.status,
                expired=g.expires_at is not None and g.expires_at <= now,
                variant_counts=counts[g.id],
            )
        )
    items = [
        CalendarItem(**entry_read(e, people).model_dump(), grids=by_entry[e.id]) for e in entries
    ]
    return CalendarView(starts=starts, ends=ends, items=items)


def cached_view(
    session: Session,
    access: NetworkAccess,
    starts: datetime,
    ends: datetime,
    cache: ViewCache,
) -> KeptView:
    """The view's bytes, from the cache while its fingerprint holds (calendars/cache.py)."""
    fingerprint = (
        access.network.updated_at.isoformat(),
        *EntryRepository.from_session(session).fingerprint(access.network.id, starts, ends),
    )
    key, now = (access.network.id, starts, ends), utcnow()
    kept = cache.get(key, fingerprint, now)
    if kept is None:
        view = calendar_view(session, access, starts, ends)
        expiring = GridRepository.from_session(session).of_network_expiring(access.network.id, now)
        expiries = [g.expires_at for g in expiring if g.expires_at is not None]
        kept = KeptView(fingerprint, view.model_dump_json().encode(), min(expiries, default=None))
        cache.put(key, kept)
    return kept


def list_entries(
    session: Session, access: NetworkAccess, *, cursor: str | None, limit: int
) -> EntryList:
    entries, next_cursor = EntryRepository.from_session(session).page(
        access.network.id, cursor=cursor, limit=limit
    )
    people = _people(session, access.network.id, entries)
    return EntryList(items=[entry_read(e, people) for e in entries], next_cursor=next_cursor)


def path_etag_id(network_id: str) -> str:
    return f"path-{network_id}"


def read_path(session: Session, access: NetworkAccess) -> PathRead:
    entries = list(EntryRepository.from_session(session).path(access.network.id))
    people = _people(session, access.network.id, entries)
    version = SettingsRepository.from_session(session).of(access.network.id).path_version
    return PathRead(items=[entry_read(e, people) for e in entries], version=version)


def set_path(
    session: Session, access: NetworkAccess, body: PathUpdate, if_match: str | None
) -> PathRead:
    """The ordered editorial path: these entries in this order, the others off it."""
    settings = SettingsRepository.from_session(session).of(access.network.id, for_update=True)
    require_version(
        if_match,
        path_etag_id(access.network.id),
        settings.path_version,
        lambda: read_path(session, access),
    )
    entries = EntryRepository.from_session(session)
    known = entries.ids_in_network(access.network.id, body.entry_ids)
    unknown = [i for i in body.entry_ids if i not in known]
    if unknown:
        raise field_error("entry_ids", f"Not entries of this network: {', '.join(unknown[:5])}.")
    entries.set_path(access.network.id, body.entry_ids)
    settings.path_version += 1
    session.flush()
    session.expire_all()
    return read_path(session, access)
