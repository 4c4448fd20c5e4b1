"""Departments: create, rename, merge, archive. Not public: no events."""

from __future__ import annotations

from relais_common.db import utcnow
from relais_common.errors import Conflict, NotFound
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from relais_ambassadors.models import Ambassador, Department, Invitation
from relais_ambassadors.validation import slugify


def listing(session: Session, *, include_archived: bool) -> list[Department]:
    stmt = select(Department).order_by(Department.name, Department.id)
    if not include_archived:
        stmt = stmt.where(Department.archived_at.is_(None))
    return list(session.scalars(stmt))


def get(session: Session, department_id: str) -> Department:
    department = session.get(Department, department_id)
    if department is None:
        raise NotFound("There is no department with this id.")
    return department


def find(session: Session, name_or_slug: str) -> Department | None:
    """Open department by exact name (any case) or slug: for CSV imports."""
    slug = slugify(name_or_slug)
    return session.scalar(
        select(Department).where(Department.slug == slug, Department.archived_at.is_(None))
    )


def _free_slug(session: Session, slug: str, own_id: str | None = None) -> str:
    other = session.scalar(select(Department).where(Department.slug == slug))
    if other is not None and other.id != own_id:
        raise Conflict(
            f"A department called “{other.name}” already exists.",
            errors=[{"field": "name", "message": "Another department already has this name."}],
        )
    return slug


def create(session: Session, *, name: str) -> Department:
    department = Department(name=name, slug=_free_slug(session, slugify(name)))
    session.add(department)
    session.flush()
    return department


def rename(session: Session, department: Department, *, name: str | None) -> Department:
    if name is not None and name != department.name:
        department.slug = _free_slug(session, slugify(name), department.id)
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
    session.execute(
        update(Ambassador)
        .where(Ambassador.department_id == source.id)
        .values(department_id=target.id, version=Ambassador.version + 1)
    )
    session.execute(
        update(Invitation)
        .where(Invitation.department_id == source.id)
        .values(department_id=target.id)
    )
    source.archived_at = utcnow()
    source.version += 1
    target.version += 1
    session.flush()
    return target
