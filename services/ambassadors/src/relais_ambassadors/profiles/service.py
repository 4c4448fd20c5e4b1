"""Editing one's own profile."""

from __future__ import annotations

from relais_common.errors import field_error
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from relais_ambassadors.models import Ambassador, AmbassadorTheme, Department, Theme
from relais_ambassadors.profiles.schemas import ProfileUpdate
from relais_ambassadors.publication import republish


def _check_department(session: Session, department_id: str) -> None:
    department = session.get(Department, department_id)
    if department is None or department.archived_at is not None:
        raise field_error("department_id", "Pick a department from the list.")


def _set_themes(session: Session, person: Ambassador, theme_ids: list[str]) -> None:
    wanted = list(dict.fromkeys(theme_ids))
    found = set(
        session.scalars(select(Theme.id).where(Theme.id.in_(wanted), Theme.archived_at.is_(None)))
    )
    if len(found) != len(wanted):
        raise field_error("theme_ids", "Pick themes from the list (archived ones are gone).")
    session.execute(delete(AmbassadorTheme).where(AmbassadorTheme.ambassador_id == person.id))
    for theme_id in wanted:
        session.add(AmbassadorTheme(ambassador_id=person.id, theme_id=theme_id))


def update_profile(session: Session, person: Ambassador, changes: ProfileUpdate) -> Ambassador:
    data = changes.model_dump(exclude_unset=True)
    if data.get("display_name", "") is None:
        raise field_error("display_name", "Your name cannot be empty.")
    if data.get("department_id"):
        _check_department(session, data["department_id"])
    if "theme_ids" in data:
        _set_themes(session, person, data.pop("theme_ids") or [])
    if "languages" in data:
        codes = data.pop("languages") or []
        person.languages = "," + "".join(f"{code}," for code in codes)
    for key in ("job_title", "location", "bio"):
        if key in data:
            data[key] = (data[key] or "").strip()
    for key, value in data.items():
        if key == "locale" and value is None:
            continue
        setattr(person, key, value)
    person.version += 1
    republish(session, person)
    return person
