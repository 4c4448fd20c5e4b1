"""Themes: create, rename, merge, archive. Every change is an event; listed members follow."""

from __future__ import annotations

from relais_common.db import utcnow
from relais_common.errors import Conflict, NotFound
from sqlalchemy.orm import Session

from relais_ambassadors import outbox
from relais_ambassadors.models import AmbassadorTheme, Theme
from relais_ambassadors.networks import service as networks
from relais_ambassadors.publication import republish_theme_members
from relais_ambassadors.themes import repository
from relais_ambassadors.validation import free_slug, same_name, slugify


def listing(session: Session, *, include_archived: bool) -> list[Theme]:
    return repository.listing(session, include_archived=include_archived)


def get(session: Session, theme_id: str) -> Theme:
    theme = repository.by_id(session, theme_id)
    if theme is None:
        raise NotFound("There is no theme with this id.")
    return theme


def _free_slug(session: Session, name: str, own_id: str | None = None) -> str:
    """A slug for ``name``: refused when another theme has the same name, suffixed (-2, -3…)
    when another name reads the same in ASCII (“Ασφάλεια” and “Asfaleia”)."""
    base = slugify(name, fallback="theme")
    similar = repository.similar_slugs(session, base)
    others = [row for row in similar if row.id != own_id]
    for other in others:
        if same_name(other.name, name):
            raise Conflict(
                f"A theme called “{other.name}” already exists.",
                errors=[{"field": "name", "message": "Another theme already has this name."}],
            )
    return free_slug(base, {row.slug for row in others})


def _changed(session: Session, theme: Theme) -> None:
    changed = outbox.ThemeChanged(
        id=theme.id,
        slug=theme.slug,
        name=theme.name,
        description=theme.description,
        archived=theme.archived_at is not None,
    )
    outbox.emit(session, changed)


def create(session: Session, *, name: str, description: str = "") -> Theme:
    theme = Theme(name=name, slug=_free_slug(session, name), description=description.strip())
    session.add(theme)
    session.flush()
    _changed(session, theme)
    return theme


def update(session: Session, theme: Theme, *, name: str | None, description: str | None) -> Theme:
    renamed = False
    if name is not None and name != theme.name:
        new_slug = _free_slug(session, name, theme.id)
        renamed = new_slug != theme.slug
        theme.slug = new_slug
        theme.name = name
    if description is not None:
        theme.description = description.strip()
    theme.version += 1
    _changed(session, theme)
    republish_theme_members(session, [theme.id])
    if renamed:
        networks.themes_changed(session, [theme.id])
    return theme


def _require_open(theme: Theme) -> None:
    if theme.archived_at is not None:
        raise Conflict(f"The theme “{theme.name}” is archived.")


def archive(session: Session, theme: Theme) -> Theme:
    _require_open(theme)
    theme.archived_at = utcnow()
    theme.version += 1
    _changed(session, theme)
    republish_theme_members(session, [theme.id])
    return theme


def merge(session: Session, source: Theme, into_id: str) -> Theme:
    target = get(session, into_id)
    if target.id == source.id:
        raise Conflict("A theme cannot be merged into itself.")
    _require_open(source)
    _require_open(target)
    members = repository.member_ids(session, source.id)
    already = repository.member_ids(session, target.id)
    repository.drop_members(session, source.id)
    for person_id in sorted(members - already):
        session.add(AmbassadorTheme(ambassador_id=person_id, theme_id=target.id))
    source.archived_at = utcnow()
    source.merged_into_id = target.id
    source.version += 1
    target.version += 1
    session.flush()
    outbox.emit(session, outbox.ThemeMerged(id=source.id, slug=source.slug, into_slug=target.slug))
    networks.theme_merged(session, source.id, target.id)
    republish_theme_members(session, [target.id])
    return target
