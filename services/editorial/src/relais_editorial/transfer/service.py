"""Export a network's calendar (entries, grids, variants) and import one, all or nothing."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from relais_common.errors import InvalidInput
from sqlalchemy.orm import Session

from relais_editorial.contributions.repository import ContributionRepository
from relais_editorial.networks.auth import NetworkAccess
from relais_editorial.networks.service import counting_of
from relais_editorial.transfer import checks, formats
from relais_editorial.transfer.builder import build
from relais_editorial.transfer.repository import CalendarContentRepository
from relais_editorial.transfer.schemas import (
    MAX_IMPORT_ROWS,
    CalendarDocument,
    EntryData,
    GridData,
    ImportOutcome,
    VariantData,
)


def document(
    session: Session, network_id: str, slug: str, *, since: datetime | None, until: datetime | None
) -> CalendarDocument:
    """The network's entries overlapping [since, until), with their grids and variants."""
    content = CalendarContentRepository(session)
    entries = content.entries(
        network_id, starts_before=until, ends_after=since, limit=MAX_IMPORT_ROWS
    )
    grids = content.grids_of([e.id for e in entries])
    variants = content.variants_of([g.id for g in grids])
    credits = ContributionRepository(session).credits_of([e.id for e in entries])
    variants_of: dict[str, list[VariantData]] = defaultdict(list)
    for v in variants:
        variants_of[v.grid_id].append(VariantData.model_construct(**_fields(v, VariantData)))
    grids_of: dict[str, list[GridData]] = defaultdict(list)
    for g in grids:
        fields = _fields(g, GridData, hashtags=list(g.hashtags or []), variants=variants_of[g.id])
        fields["mentions"] = list(g.mentions or [])
        grids_of[g.entry_id].append(GridData.model_construct(**fields))
    items = []
    for e in entries:
        credit = credits.get(e.id)
        extra = {
            "credited_person_id": credit.person_id if credit else None,
            "credited_name": credit.display_name if credit else None,
            "grids": grids_of[e.id],
        }
        items.append(EntryData.model_construct(**_fields(e, EntryData, **extra)))
    return CalendarDocument.model_construct(
        format="relais-calendar", version=1, network=slug, entries=items
    )


def _fields(row: object, model: type[BaseModel], **given: Any) -> dict[str, Any]:
    """The row's values of the model's fields (those not ``given``)."""
    return {name: getattr(row, name) for name in model.model_fields if name not in given} | given


def parse(data: bytes, file_format: str) -> tuple[CalendarDocument, formats.Problems]:
    problems = formats.Problems()
    parsed = (formats.from_csv if file_format == "csv" else formats.from_json)(data, problems)
    if parsed is None or problems.found:
        raise _refusal(problems)
    return parsed, problems


def import_document(
    session: Session,
    access: NetworkAccess,
    data: bytes,
    file_format: str,
    *,
    default_disclosure: str,
) -> ImportOutcome:
    """Every row is checked first; one problem anywhere and nothing is written."""
    parsed, problems = parse(data, file_format)
    if checks.row_count(parsed) > MAX_IMPORT_ROWS:
        raise InvalidInput(
            f"An import holds at most {MAX_IMPORT_ROWS} rows (variants, or entries and grids "
            "without any); split the file.",
            errors=[{"field": "file", "row": "0", "message": "Too many rows."}],
        )
    counting = counting_of(session, access.network.id, default_disclosure)
    checks.check(session, access.network, parsed, problems, counting)
    if problems.found:
        raise _refusal(problems)
    return build(session, access, parsed)


def _refusal(problems: formats.Problems) -> InvalidInput:
    first = problems.found[0] if problems.found else {"field": "file", "row": "0", "message": ""}
    return InvalidInput(
        f"Nothing was imported: {len(problems.found)} problem(s), the first on row "
        f"{first['row']}, {first['field']}: {first['message']}",
        errors=problems.found,
    )
