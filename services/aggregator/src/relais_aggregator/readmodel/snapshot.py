"""Reads the whole read model into the public shapes, once per change (not per request)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import datetime

from sqlalchemy.orm import Session

from relais_aggregator import models
from relais_aggregator.readmodel.repository import PublicPersonRepository, PublicThemeRepository
from relais_aggregator.readmodel.schemas import (
    PublicAccount,
    PublicDirectory,
    PublicPerson,
    PublicThemeRef,
    PublicThemeSection,
)


def person_slug(name: str, person_id: str) -> str:
    """A readable, stable address for a person's page: "ada-lovelace-3f2a9c1b"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-")
    suffix = re.sub(r"[^a-z0-9]+", "", person_id.lower())[:8] or "p"
    return f"{words}-{suffix}" if words else suffix


def _sort_key(person: PublicPerson) -> tuple[str, str]:
    return (person.display_name.casefold(), person.id)


def load_directory(session: Session, generated_at: datetime) -> PublicDirectory:
    people_rows, theme_rows = (
        PublicPersonRepository.from_session(session),
        PublicThemeRepository.from_session(session),
    )
    themes = theme_rows.everything()
    archived = {t.slug for t in themes if t.archived}
    visible = {t.slug: t for t in themes if not t.archived}
    links = people_rows.theme_links()
    accounts = people_rows.accounts()
    theme_refs: dict[str, list[PublicThemeRef]] = defaultdict(list)
    for link in links:
        if link.theme_slug in archived:
            continue
        known = visible.get(link.theme_slug)
        name = known.name if known is not None else link.theme_name
        theme_refs[link.person_id].append(PublicThemeRef(slug=link.theme_slug, name=name))
    person_accounts: dict[str, list[PublicAccount]] = defaultdict(list)
    for a in accounts:
        person_accounts[a.person_id].append(
            PublicAccount(
                platform=a.platform, handle=a.handle, profile_url=a.profile_url, feed_url=a.feed_url
            )
        )
    people = sorted(
        (
            PublicPerson(
                id=p.id,
                slug=person_slug(p.display_name, p.id),
                display_name=p.display_name,
                job_title=p.job_title,
                location=p.location,
                languages=[str(code) for code in p.languages],
                bio=p.bio,
                themes=theme_refs[p.id],
                accounts=person_accounts[p.id],
                listed_at=p.listed_at,
            )
            for p in people_rows.everyone()
        ),
        key=_sort_key,
    )
    return _group(people, visible, generated_at)


def _group(
    people: list[PublicPerson], visible: dict[str, models.PublicTheme], generated_at: datetime
) -> PublicDirectory:
    """One section per theme (known themes, then themes only seen on people), sorted by name."""
    names = {slug: theme.name for slug, theme in visible.items()}
    for person in people:
        for ref in person.themes:
            names.setdefault(ref.slug, ref.name)
    sections = [
        PublicThemeSection(
            slug=slug,
            name=name,
            description=visible[slug].description if slug in visible else "",
            people=[p for p in people if any(ref.slug == slug for ref in p.themes)],
        )
        for slug, name in sorted(names.items(), key=lambda item: (item[1].casefold(), item[0]))
    ]
    return PublicDirectory(
        generated_at=generated_at,
        themes=sections,
        other_people=[p for p in people if not p.themes],
        people_count=len(people),
    )
