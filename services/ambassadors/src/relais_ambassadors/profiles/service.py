"""Editing one's own profile (concurrent saves merge per field: profiles/merge.py)."""

from __future__ import annotations

from typing import Any

from relais_common.errors import field_error
from sqlalchemy.orm import Session

from relais_ambassadors.models import Ambassador, AmbassadorTheme
from relais_ambassadors.profiles import merge, repository
from relais_ambassadors.profiles.schemas import ProfileUpdate
from relais_ambassadors.publication import republish


def _check_department(session: Session, department_id: str) -> None:
    department = repository.department(session, department_id)
    if department is None or department.archived_at is not None:
        raise field_error("department_id", "Pick a department from the list.")


def _set_themes(session: Session, person: Ambassador, theme_ids: list[str]) -> None:
    found = repository.open_theme_ids(session, theme_ids)
    if len(found) != len(theme_ids):
        raise field_error("theme_ids", "Pick themes from the list (archived ones are gone).")
    repository.drop_themes(session, person.id)
    for theme_id in theme_ids:
        session.add(AmbassadorTheme(ambassador_id=person.id, theme_id=theme_id))


def profile_values(session: Session, person: Ambassador) -> dict[str, Any]:
    """The editable fields as a save compares them (themes as a sorted set)."""
    theme_ids = repository.theme_ids(session, person.id)
    return {
        "display_name": person.display_name,
        "job_title": person.job_title,
        "department_id": person.department_id,
        "location": person.location,
        "languages": person.language_list,
        "bio": person.bio,
        "theme_ids": sorted(theme_ids),
        "locale": person.locale,
    }


def _requested(changes: ProfileUpdate) -> dict[str, Any]:
    data = changes.model_dump(exclude_unset=True)
    if data.get("display_name", "") is None:
        raise field_error("display_name", "Your name cannot be empty.")
    if data.get("locale", "") is None:
        del data["locale"]
    for key in ("job_title", "location", "bio"):
        if key in data:
            data[key] = (data[key] or "").strip()
    if "department_id" in data:
        data["department_id"] = data["department_id"] or None
    if "languages" in data:
        data["languages"] = data["languages"] or []
    if "theme_ids" in data:
        data["theme_ids"] = sorted(set(data["theme_ids"] or []))
    return data


def update_profile(
    session: Session, person: Ambassador, changes: ProfileUpdate, *, if_match: str | None = "*"
) -> Ambassador:
    """Apply the fields that differ; a stale If-Match conflicts only on overlapping fields.

    The API passes the request's If-Match; seeding code writes unconditionally ("*").
    """
    base = merge.base_version(if_match, person)
    current = profile_values(session, person)
    changed = {k: v for k, v in _requested(changes).items() if v != current[k]}
    merge.check_no_overlap(person, base, changed)
    if not changed:
        return person
    fields = list(changed)
    if changed.get("department_id"):
        _check_department(session, changed["department_id"])
    if "theme_ids" in changed:
        _set_themes(session, person, changed.pop("theme_ids"))
    if "languages" in changed:
        person.languages = "," + "".join(f"{code}," for code in changed.pop("languages"))
    for key, value in changed.items():
        setattr(person, key, value)
    merge.bump(person, fields)
    republish(session, person)
    return person
