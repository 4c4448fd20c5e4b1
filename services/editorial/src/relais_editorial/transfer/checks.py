"""What an imported calendar must satisfy beyond its shape, in the target network."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from relais_editorial.counting import count
from relais_editorial.networks.models import NetworkView
from relais_editorial.networks.repository import RoleRepository
from relais_editorial.transfer.formats import Path, Problems
from relais_editorial.transfer.schemas import CalendarDocument, EntryData, GridData

FullText = Callable[[str], str]


def row_count(document: CalendarDocument) -> int:
    """Rows as the CSV has them: a variant each, and each entry or grid without any."""
    rows = 0
    for entry in document.entries:
        rows += sum(max(len(g.variants), 1) for g in entry.grids) or 1
    return rows


def check(
    session: Session,
    network: NetworkView,
    document: CalendarDocument,
    problems: Problems,
    full_text: FullText,
) -> None:
    owners = {e.owner_id for e in document.entries if e.owner_id}
    roles = RoleRepository(session)
    members = {o for o in owners if roles.role_of(network.id, o) is not None}
    for i, entry in enumerate(document.entries):
        path: Path = ("entries", i)
        _check_entry(network, entry, path, problems, members)
        for j, grid in enumerate(entry.grids):
            _check_grid(grid, (*path, "grids", j), problems, full_text)


def _check_entry(
    network: NetworkView, entry: EntryData, path: Path, problems: Problems, members: set[str]
) -> None:
    if entry.ends_at < entry.starts_at:
        problems.add((*path, "ends_at"), "The end cannot be before the start.")
    if entry.theme_slug is not None and entry.theme_slug not in (network.theme_slugs or []):
        problems.add((*path, "theme_slug"), "This theme is not one of the network's themes.")
    if entry.owner_id and entry.owner_id not in members:
        problems.add((*path, "owner_id"), "This person is not a member of the network.")
    if entry.credited_person_id and not entry.credited_name:
        problems.add((*path, "credited_name"), "A credit needs the name to show.")


def _check_grid(grid: GridData, path: Path, problems: Problems, full_text: FullText) -> None:
    if grid.release_at and grid.expires_at and grid.expires_at <= grid.release_at:
        problems.add((*path, "expires_at"), "The expiry must come after the release.")
    for k, variant in enumerate(grid.variants):
        length = count(variant.platform, full_text(variant.text))
        if length.count > length.limit:
            problems.add(
                (*path, "variants", k, "text"),
                f"Too long for {variant.platform} with the disclosure: {length.count} of "
                f"{length.limit}.",
            )
