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
from relais_editorial.transfer.schemas import CalendarDocument, GridData, ImportOutcome


def _grid_status(access: NetworkAccess, grid: GridData) -> str:
    # Only the chair keeps a grid's review status: a committee member's import would otherwise
    # approve (or publish) grids nobody else reviewed.
    return grid.status if access.is_chair else "draft"


class _Clock:
    """Creation times one microsecond apart, in document order: rows that tie on their
    sort key (same start, same position) read back in the order they were imported."""

    def __init__(self) -> None:
        self.now = utcnow()
        self.ticks = 0

    def __call__(self) -> datetime:
        self.ticks += 1
        return self.now + timedelta(microseconds=self.ticks)


def build(session: Session, access: NetworkAccess, document: CalendarDocument) -> ImportOutcome:
    content = CalendarContentRepository(session)
    offset = content.path_end(access.network.id)
    now = _Clock()
    rows: list[object] = []
    outcome = ImportOutcome(entries=len(document.entries), grids=0, variants=0)
    for data in document.entries:
        entry = CalendarEntry(
            id=new_id(),
            network_id=access.network.id,
            created_at=now(),
            **data.model_dump(exclude={"id", "grids", "credited_person_id", "credited_name"}),
        )
        if entry.path_position is not None:
            entry.path_position += offset
        rows.append(entry)
        if data.credited_person_id and data.credited_name:
            rows.append(
                EntryCredit(
                    entry_id=entry.id,
                    person_id=data.credited_person_id,
                    display_name=data.credited_name,
                )
            )
        for grid_data in data.grids:
            status = _grid_status(access, grid_data)
            outcome.grids_reset_to_draft += status != grid_data.status
            grid = MessageGrid(
                id=new_id(),
                entry_id=entry.id,
                network_id=access.network.id,
                author_id=access.person_id,
                status=status,
                review_round=0 if status == "draft" else 1,
                submitted_at=None if status == "draft" else now.now,
                created_at=now(),
                **grid_data.model_dump(exclude={"id", "variants", "status"}),
            )
            rows.append(grid)
            outcome.grids += 1
            for variant_data in grid_data.variants:
                rows.append(
                    MessageVariant(
                        id=new_id(),
                        grid_id=grid.id,
                        created_at=now(),
                        **variant_data.model_dump(exclude={"id"}),
                    )
                )
                outcome.variants += 1
    content.add_all(rows)
    if any(d.path_position is not None for d in document.entries):
        SettingsRepository(session).of(access.network.id, for_update=True).path_version += 1
    return outcome
