"""Preview links: the committee lets someone without an account read a calendar range or one
grid, until the link expires (at most 30 days) or is revoked. Names only, never ids."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any

from relais_common.db import utcnow
from relais_common.errors import NotFound, field_error
from sqlalchemy.orm import Session

from relais_editorial import secret_links
from relais_editorial.calendars.models import CalendarEntry
from relais_editorial.contributions.repository import ContributionRepository
from relais_editorial.grids.models import MessageGrid
from relais_editorial.grids.reads import full_text
from relais_editorial.networks.auth import NetworkAccess
from relais_editorial.networks.repository import NetworkRepository
from relais_editorial.networks.service import disclosure_of
from relais_editorial.previews.models import PreviewLink
from relais_editorial.previews.repository import PreviewRepository
from relais_editorial.previews.schemas import (
    MAX_PREVIEW_DAYS,
    MAX_RANGE_DAYS,
    PreviewCreate,
    PreviewEntry,
    PreviewGrid,
    PreviewPublic,
    PreviewVariant,
)
from relais_editorial.transfer.repository import CalendarContentRepository

MAX_PREVIEW_ENTRIES = 500


def create(session: Session, access: NetworkAccess, body: PreviewCreate) -> tuple[PreviewLink, str]:
    now = utcnow()
    if body.expires_at <= now:
        raise field_error("expires_at", "Choose an expiry in the future.")
    if body.expires_at > now + timedelta(days=MAX_PREVIEW_DAYS):
        raise field_error("expires_at", f"A preview lasts at most {MAX_PREVIEW_DAYS} days.")
    if body.from_date and body.to_date:
        if body.to_date < body.from_date:
            raise field_error("to_date", "The end of the range cannot be before its start.")
        if (body.to_date - body.from_date).days >= MAX_RANGE_DAYS:
            raise field_error("to_date", f"A preview covers at most {MAX_RANGE_DAYS} days.")
    content = CalendarContentRepository(session)
    if body.grid_id and content.grid_in_network(access.network.id, body.grid_id) is None:
        raise field_error("grid_id", "This network has no grid with this id.")
    token, digest = secret_links.new_token()
    link = PreviewLink(
        network_id=access.network.id,
        token_hash=digest,
        created_by=access.person_id,
        **body.model_dump(),
    )
    return PreviewRepository(session).create(link, flush=True), token


def revoke(session: Session, access: NetworkAccess, preview_id: str) -> None:
    link = PreviewRepository(session).in_network(access.network.id, preview_id)
    if link is None:
        raise NotFound("This network has no preview link with this id.")
    if link.revoked_at is None:
        link.revoked_at = utcnow()


def _opened(session: Session, token: str) -> PreviewLink:
    plausible = secret_links.plausible(token)
    repository = PreviewRepository(session)
    found = repository.by_hash(secret_links.token_hash(token)) if plausible else None
    return secret_links.still_open(
        found, expires_at=found.expires_at if found else None, what="preview"
    )


def _day(value: Any) -> datetime:
    return datetime.combine(value, time(), UTC)


def _content(
    session: Session, link: PreviewLink, network_id: str
) -> tuple[Sequence[CalendarEntry], Sequence[MessageGrid]]:
    """The link's entries and grids: one grid and its entry, or the range (archived left out)."""
    content = CalendarContentRepository(session)
    if link.grid_id is not None:
        grid = content.grid_in_network(network_id, link.grid_id)
        entry = content.get(grid.entry_id) if grid else None
        return ([entry] if entry else []), ([grid] if grid else [])
    entries = content.entries(
        network_id,
        ends_after=_day(link.from_date),
        starts_before=_day(link.to_date) + timedelta(days=1),
        limit=MAX_PREVIEW_ENTRIES,
    )
    grids = content.grids_of([e.id for e in entries])
    return entries, [g for g in grids if g.status != "archived"]


def _grids(
    session: Session, grids: Sequence[MessageGrid], disclosure: str
) -> dict[str, list[PreviewGrid]]:
    variants: dict[str, list[PreviewVariant]] = defaultdict(list)
    for v in CalendarContentRepository(session).variants_of([g.id for g in grids]):
        text = full_text(v.text, disclosure)
        variants[v.grid_id].append(
            PreviewVariant(platform=v.platform, language=v.language, text=text)
        )
    by_entry: dict[str, list[PreviewGrid]] = defaultdict(list)
    for g in grids:
        fields = {name: getattr(g, name) for name in PreviewGrid.model_fields if name != "variants"}
        by_entry[g.entry_id].append(PreviewGrid(**fields, variants=variants[g.id]))
    return by_entry


def open_preview(session: Session, token: str, *, default_disclosure: str) -> PreviewPublic:
    link = _opened(session, token)
    network = NetworkRepository(session).get(link.network_id)
    if network is None:
        raise NotFound("This preview link is not valid.")
    entries, grids = _content(session, link, network.id)
    grids_of = _grids(session, grids, disclosure_of(session, network.id, default_disclosure))
    credits = ContributionRepository(session).credits_of([e.id for e in entries])
    skip = {"credited_name", "grids"}
    return PreviewPublic(
        network_name=network.name,
        label=link.label,
        from_date=link.from_date,
        to_date=link.to_date,
        expires_at=link.expires_at,
        entries=[
            PreviewEntry(
                **{
                    name: getattr(e, name) for name in PreviewEntry.model_fields if name not in skip
                },
                credited_name=credits[e.id].display_name if e.id in credits else None,
                grids=grids_of[e.id],
            )
            for e in entries
        ],
    )


def export_person(session: Session, person_id: str) -> list[dict[str, Any]]:
    return [
        {"id": p.id, "network_id": p.network_id, "label": p.label, "created_at": str(p.created_at)}
        for p in PreviewRepository(session).made_by(person_id)
    ]


def erase_person(session: Session, person_id: str) -> None:
    PreviewRepository(session).forget_person(person_id)
