"""Write a checked calendar document into a network: new ids, the importer as grid author."""

from __future__ import annotations

from datetime import datetime, timedelta

from relais_common.db import new_id, utcnow
from sqlalchemy.orm import Session

from relais_editorial.calendars.models import CalendarEntry
from relais_editorial.contributions.models import EntryCredit
from relais_editorial.grids.models import MessageGrid, MessageVariant
from relais_editorial.networks.auth import NetworkAccess
from relais_editorial.networks.repository import SettingsRepository
from relais_editorial.transfer.repository import CalendarContentRepository
from relais_editorial.transfer.schemas import CalendarDocument, EntryData, GridData, ImportOutcome


class _Clock:
    """Creation times one microsecond apart, in document order: rows that tie on their
    sort key (same start, same position) read back in the order they were imported."""

    def __init__(self) -> None:
        self.now = utcnow()
        self.ticks = 0

    def __call__(self) -> datetime:
        self.ticks += 1
        return self.now + timedelta(microseconds=self.ticks)


class _Builder:
    def __init__(self, access: NetworkAccess, path_offset: int) -> None:
        self.access = access
        self.path_offset = path_offset
        self.clock = _Clock()
        self.rows: list[object] = []
        self.outcome = ImportOutcome(entries=0, grids=0, variants=0)

    def entry(self, data: EntryData) -> None:
        exclude = {"id", "grids", "credited_person_id", "credited_name"}
        entry = CalendarEntry(
            id=new_id(),
            network_id=self.access.network.id,
            created_at=self.clock(),
            **data.model_dump(exclude=exclude),
        )
        if entry.path_position is not None:
            entry.path_position += self.path_offset
        self.rows.append(entry)
        self.outcome.entries += 1
        if data.credited_person_id and data.credited_name:
            credit = EntryCredit(
                entry_id=entry.id,
                person_id=data.credited_person_id,
                display_name=data.credited_name,
            )
            self.rows.append(credit)
        for grid in data.grids:
            self.grid(entry.id, grid)

    def grid(self, entry_id: str, data: GridData) -> None:
        # Only the chair keeps a grid's review status: a committee member's import would
        # otherwise approve (or publish) grids nobody else reviewed.
        status = data.status if self.access.is_chair else "draft"
        self.outcome.grids_reset_to_draft += status != data.status
        grid = MessageGrid(
            id=new_id(),
            entry_id=entry_id,
            network_id=self.access.network.id,
            author_id=self.access.person_id,
            status=status,
            review_round=0 if status == "draft" else 1,
            submitted_at=None if status == "draft" else self.clock.now,
            created_at=self.clock(),
            **data.model_dump(exclude={"id", "variants", "status"}),
        )
        self.rows.append(grid)
        self.outcome.grids += 1
        for variant in data.variants:
            self.rows.append(
                MessageVariant(
                    id=new_id(),
                    grid_id=grid.id,
                    created_at=self.clock(),
                    **variant.model_dump(exclude={"id"}),
                )
            )
            self.outcome.variants += 1


def build(session: Session, access: NetworkAccess, document: CalendarDocument) -> ImportOutcome:
    content = CalendarContentRepository(session)
    builder = _Builder(access, content.path_end(access.network.id))
    for entry in document.entries:
        builder.entry(entry)
    content.add_all(builder.rows)
    if any(d.path_position is not None for d in document.entries):
        SettingsRepository(session).of(access.network.id, for_update=True).path_version += 1
    return builder.outcome
