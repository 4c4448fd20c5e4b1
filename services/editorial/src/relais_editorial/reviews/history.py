"""A grid's history: one revision per change, with a per-field diff (texts: unified diff)."""

from __future__ import annotations

import difflib
from typing import Any

from sqlalchemy.orm import Session

from relais_editorial.grids.models import MessageGrid
from relais_editorial.reviews.models import GridRevision
from relais_editorial.reviews.repository import RevisionRepository


def _jsonable(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def field_changes(
    before: dict[str, Any], after: dict[str, Any], prefix: str = ""
) -> list[dict[str, Any]]:
    """One change per field whose value differs; texts get a unified diff too."""
    changes: list[dict[str, Any]] = []
    for name in sorted(set(before) | set(after)):
        old, new = _jsonable(before.get(name)), _jsonable(after.get(name))
        if old == new:
            continue
        change: dict[str, Any] = {"field": f"{prefix}{name}", "before": old, "after": new}
        if (
            isinstance(old, str)
            and isinstance(new, str)
            and ("\n" in old + new or len(old + new) > 80)
        ):
            change["diff"] = text_diff(old, new, name)
        elif name == "text":
            change["diff"] = text_diff(old or "", new or "", name)
        changes.append(change)
    return changes


def text_diff(before: str, after: str, name: str = "text") -> str:
    lines = difflib.unified_diff(
        before.splitlines(), after.splitlines(), f"{name} (before)", f"{name} (after)", lineterm=""
    )
    return "\n".join(lines)


def record(
    session: Session,
    grid: MessageGrid,
    actor_id: str,
    action: str,
    changes: list[dict[str, Any]] | None = None,
) -> None:
    RevisionRepository.from_session(session).create(
        GridRevision(
            grid_id=grid.id,
            actor_id=actor_id,
            action=action,
            changes=changes or [],
            grid_version=grid.version,
        )
    )
