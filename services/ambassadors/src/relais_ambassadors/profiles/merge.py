"""Concurrent profile edits merge field by field.

Each profile field remembers the row version that last changed it
(``Ambassador.profile_field_versions``). A save whose If-Match names an older version is
refused (412) only when one of the fields it *changes* was changed by someone else since that
version; otherwise it is applied on top. So an approval, a suspension, a consent or an account
added in another card (all bump the row version) never makes the next profile save fail, and two
tabs editing different fields both win.
"""

from __future__ import annotations

from collections.abc import Iterable

from relais_common.concurrency import etag_of
from relais_common.errors import PreconditionFailed, PreconditionRequired

from relais_ambassadors.models import Ambassador


def base_version(if_match: str | None, person: Ambassador) -> int:
    """The version the client read, from If-Match (``*`` means the current one)."""
    if not if_match:
        raise PreconditionRequired(
            "Send the ETag you last read in an If-Match header, so that concurrent edits "
            "never overwrite each other."
        )
    found: list[int] = []
    for candidate in (c.strip().removeprefix("W/") for c in if_match.split(",")):
        if candidate == "*":
            return person.version
        entity, _, version = candidate.strip('"').rpartition(".")
        if entity == person.id and version.isdigit() and int(version) <= person.version:
            found.append(int(version))
    if not found:
        raise _stale(person, [])
    return max(found)


def check_no_overlap(person: Ambassador, base: int, changed: Iterable[str]) -> None:
    """412 when a field this save changes was changed by someone else after `base`."""
    if base == person.version:
        return
    # "*": the version when per-field versions began (rows from before: the migration sets it)
    last = person.profile_field_versions or {}
    overlap = [f for f in changed if last.get(f, last.get("*", 0)) > base]
    if overlap:
        raise _stale(person, overlap)


def bump(person: Ambassador, changed: Iterable[str]) -> None:
    """A new row version; the changed fields remember it."""
    person.version += 1
    versions = person.profile_field_versions or {}
    person.profile_field_versions = {**versions, **dict.fromkeys(changed, person.version)}


def _stale(person: Ambassador, fields: list[str]) -> PreconditionFailed:
    what = ", ".join(fields) if fields else "your profile"
    return PreconditionFailed(
        f"Someone changed {what} since you loaded it. Compare with the current version, "
        "keep yours or take theirs, and save again.",
        current_etag=etag_of(person.id, person.version),
        conflicting_fields=fields,
    )
