"""What an imported calendar must satisfy beyond its shape, in the target network: the
same rules, in the same words, as the calendar and grid API."""

from __future__ import annotations

from sqlalchemy.orm import Session

from relais_editorial.calendars.rules import entry_problems
from relais_editorial.grids.rules import dates_problem, length_problem
from relais_editorial.networks.models import NetworkView
from relais_editorial.networks.repository import RoleRepository
from relais_editorial.networks.service import Counting
from relais_editorial.transfer.formats import Path, Problems
from relais_editorial.transfer.schemas import CalendarDocument, GridData


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
    counting: Counting,
) -> None:
    """The calendar's and the grids' own rules (calendars/rules.py, grids/rules.py), each
    broken one reported at its row, and what only an import carries (a credit's name)."""
    owners = {e.owner_id for e in document.entries if e.owner_id}
    roles = RoleRepository(session)
    members = {o for o in owners if roles.role_name(network.id, o) is not None}
    for i, entry in enumerate(document.entries):
        path: Path = ("entries", i)
        values = entry.model_dump(include={"starts_at", "ends_at", "theme_slug", "owner_id"})
        for field, message in entry_problems(network, values, members.__contains__):
            problems.add((*path, field), message)
        if entry.credited_person_id and not entry.credited_name:
            problems.add((*path, "credited_name"), "A credit needs the name to show.")
        for j, grid in enumerate(entry.grids):
            _check_grid(grid, (*path, "grids", j), problems, counting)


def _check_grid(grid: GridData, path: Path, problems: Problems, counting: Counting) -> None:
    dates = dates_problem(grid.release_at, grid.expires_at)
    if dates:
        problems.add((*path, "expires_at"), dates)
    for k, variant in enumerate(grid.variants):
        length = length_problem(
            variant.platform, variant.text, counting.disclosure, counting.mastodon_limit
        )
        if length is not None:
            problems.add((*path, "variants", k, "text"), length[0])
