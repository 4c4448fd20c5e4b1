"""A calendar document as JSON or CSV, both ways, with every problem located.

CSV: one row per variant; an entry without grids, or a grid without variants, has a row of its
own with the rest empty. ``entry_id`` and ``grid_id`` group the rows (any text unique in the
file: the export writes the ids). Lists are space-separated. A cell that a spreadsheet would
run as a formula (``=``, ``+``, ``-``, ``@``...) is written after a ``'``, taken off on import.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from relais_editorial.transfer.schemas import (
    CalendarDocument,
    EntryData,
    GridData,
    VariantData,
    utc_iso,
)

Path = tuple[str | int, ...]
LEVELS = (
    ("entry", EntryData, "grids"),
    ("grid", GridData, "variants"),
    ("variant", VariantData, ""),
)
NESTING = ("entries", "grids", "variants")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _columns(model: type[BaseModel], prefix: str, nested: str) -> list[str]:
    return [f"{prefix}_{name}" for name in model.model_fields if name != nested]


COLUMNS = [c for prefix, model, nested in LEVELS for c in _columns(model, prefix, nested)]
LIST_COLUMNS = frozenset({"grid_hashtags", "grid_mentions"})


@dataclass
class Problems:
    """Field-level problems; ``rows`` maps an object's path to its CSV line (None for JSON)."""

    rows: dict[Path, int] | None = None
    found: list[dict[str, str]] = field(default_factory=list)

    def add(self, path: Path, message: str) -> None:
        self.found.append({**self.locate(path), "message": message})

    def locate(self, path: Path) -> dict[str, str]:
        """JSON: the field's path, and the entry's number; CSV: the column and the line."""
        owner = _owner(path)
        if self.rows is None:
            row = int(owner[1]) + 1 if owner else 0
            return {"field": ".".join(str(p) for p in path), "row": str(row)}
        leaf = path[len(owner)] if len(path) > len(owner) else "row"
        prefix = LEVELS[max(len(owner) // 2 - 1, 0)][0]
        return {"field": f"{prefix}_{leaf}", "row": str(self.rows.get(owner, 0))}


def _owner(path: Path) -> Path:
    """The path of the entry, grid or variant a field belongs to."""
    i = 0
    while i + 1 < len(path) and path[i] in NESTING and isinstance(path[i + 1], int):
        i += 2
    return path[:i]


def to_json(document: CalendarDocument) -> bytes:
    return document.model_dump_json(indent=2).encode()


def from_json(data: bytes, problems: Problems) -> CalendarDocument | None:
    try:
        return CalendarDocument.model_validate_json(data)
    except ValidationError as exc:
        for error in exc.errors():
            problems.add(tuple(error["loc"]) or ("body",), error["msg"])
        return None


def _cell(value: Any) -> str:
    if isinstance(value, list):
        text = " ".join(value)
    elif hasattr(value, "isoformat"):
        text = utc_iso(value)
    else:
        text = "" if value is None else str(value)
    return "'" + text if text.lstrip("'").startswith(FORMULA_START) else text


def _uncell(text: str) -> str:
    return text[1:] if text.startswith("'") and text.lstrip("'").startswith(FORMULA_START) else text


def _flat(prefix: str, model: BaseModel, nested: str) -> dict[str, str]:
    return {f"{prefix}_{k}": _cell(v) for k, v in model if k != nested}


def _rows(document: CalendarDocument) -> Iterator[dict[str, str]]:
    for entry in document.entries:
        entry_cells = _flat("entry", entry, "grids")
        if not entry.grids:
            yield entry_cells
        for grid in entry.grids:
            grid_cells = entry_cells | _flat("grid", grid, "variants")
            if not grid.variants:
                yield grid_cells
            for variant in grid.variants:
                yield grid_cells | _flat("variant", variant, "")


def to_csv(document: CalendarDocument) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(_rows(document))
    return out.getvalue().encode("utf-8")


def _decode(data: bytes, problems: Problems) -> list[dict[str, str]] | None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.add(("file",), "The file is not UTF-8 text.")
        return None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    unknown = [c for c in reader.fieldnames or [] if c not in COLUMNS]
    for column in unknown:
        problems.found.append({"field": column, "row": "1", "message": "Unknown column."})
    try:
        rows = list(reader)
    except csv.Error as exc:
        problems.add(("file",), f"The file is not valid CSV ({exc}).")
        return None
    return None if unknown else rows


def _values(row: Mapping[str, str | None], prefix: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column, raw in row.items():
        if column is None or not column.startswith(prefix + "_") or not raw:
            continue
        text = _uncell(raw)
        values[column[len(prefix) + 1 :]] = text.split() if column in LIST_COLUMNS else text
    return values


class _Nesting:
    """Rows grouped into entries and grids, each object's path remembered with its line."""

    def __init__(self, rows: dict[Path, int]) -> None:
        self.rows = rows
        self.entries: list[dict[str, Any]] = []
        self.paths: dict[str | tuple[str, str], Path] = {}

    def add(self, number: int, row: Mapping[str, str | None]) -> None:
        entry_ref = row.get("entry_id") or f"#row{number}"
        entry_path = self.paths.get(entry_ref)
        if entry_path is None:
            entry_path = self.paths[entry_ref] = ("entries", len(self.entries))
            self.entries.append(_values(row, "entry") | {"grids": []})
            self.rows[entry_path] = number
        grid = _values(row, "grid")
        if not grid:
            return
        entry = self.entries[int(entry_path[1])]
        key = (entry_ref, grid.get("id") or f"#row{number}")
        grid_path = self.paths.get(key)
        if grid_path is None:
            grid_path = self.paths[key] = (*entry_path, "grids", len(entry["grids"]))
            entry["grids"].append(grid | {"variants": []})
            self.rows[grid_path] = number
        variant = _values(row, "variant")
        if variant:
            variants = entry["grids"][int(grid_path[3])]["variants"]
            self.rows[(*grid_path, "variants", len(variants))] = number
            variants.append(variant)


def from_csv(data: bytes, problems: Problems) -> CalendarDocument | None:
    rows = _decode(data, problems)
    if rows is None:
        return None
    problems.rows = {}
    nesting = _Nesting(problems.rows)
    for number, row in enumerate(rows, start=2):
        nesting.add(number, row)
    try:
        return CalendarDocument.model_validate({"entries": nesting.entries})
    except ValidationError as exc:
        for error in exc.errors():
            problems.add(tuple(error["loc"]), error["msg"])
        return None
