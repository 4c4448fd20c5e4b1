"""Departments: create, rename, merge, archive. Not public: no events."""

from __future__ import annotations

from relais_common.db import utcnow
from relais_common.errors import Conflict, NotFound
from sqlalchemy.orm import Session

from relais_ambassadors.departments import repository
from relais_ambassadors.models import Department
from relais_ambassadors.validation import free_slug, same_name, slugify


def listing(session: Session, *, include_archived: bool) -> list[Department]:
    return repository.listing(session, include_archived=include_archived)


def get(session: Session, department_id: str) -> Department:
    department = repository.by_id(session, department_id)
    if department is None:
        raise NotFound("There is no department with this id.")
    return department


def find(session: Session, name_or_slug: str) -> Department | None:
    """Open department by name (any case, accents or punctuation) or slug: for CSV imports."""
    base = slugify(name_or_slug, fallback="department")
    candidates = repository.open_with_slug_like(session, base)
    wanted = name_or_slug.strip().lower()
    return next((d for d in candidates if d.slug == wanted or same_name(d.name, wanted)), None)


def _free_slug(session: Session, name: str, own_id: str | None = None) -> str:
    """A slug for ``name``: refused when another department has the same name, suffixed (-2, -3…)
    when another name reads the same in ASCII (“Ασφάλεια” and “Asfaleia”)."""
    base = slugify(name, fallback="department")
    similar = repository.similar_slugs(session, base)
    others = [row for row in similar if row.id != own_id]
    for other in others:
        if same_name(other.name, name):
            raise Conflict(
                f"A department called “{other.name}” already exists.",
                errors=[{"field": "name", "message": "Another department already has this name."}],
            )
    return free_slug(base, {row.slug for row in others})


def create(session: Session, *, name: str) -> Department:
    department = Department(name=name, slug=_free_slug(session, name))
    session.add(department)
    session.flush()
    return department


def rename(session: Session, department: Department, *, name: str | None) -> Department:
    if name is not None and name != department.name:
        department.slug = _free_slug(session, name, department.id)
        department.name = name
    department.version += 1
    return department


def _require_open(department: Department) -> None:
    if department.archived_at is not None:
        raise Conflict(f"The department “{department.name}” is archived.")


def archive(department: Department) -> Department:
    _require_open(department)
    department.archived_at = utcnow()
    department.version += 1
    return department


def merge(session: Session, source: Department, into_id: str) -> Department:
    target = get(session, into_id)
    if target.id == source.id:
        raise Conflict("A department cannot be merged into itself.")
    _require_open(source)
    _require_open(target)
    repository.move_members(session, source.id, target.id)
    source.archived_at = utcnow()
    source.version += 1
    target.version += 1
    session.flush()
    return target
