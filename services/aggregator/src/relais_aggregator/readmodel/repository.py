"""All SQL that writes the read model. Every write is an upsert or a delete by id."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from relais_aggregator.models import PublicAccount, PublicPerson, PublicPersonTheme, PublicTheme
from relais_aggregator.readmodel.payloads import AmbassadorPublic, ThemeChanged, ThemeMerged


def forget_person(session: Session, person_id: str) -> None:
    session.execute(delete(PublicPersonTheme).where(PublicPersonTheme.person_id == person_id))
    session.execute(delete(PublicAccount).where(PublicAccount.person_id == person_id))
    session.execute(delete(PublicPerson).where(PublicPerson.id == person_id))


def replace_person(session: Session, person: AmbassadorPublic, updated_at: datetime) -> None:
    """Replace everything known about the person by the projection (delete, then insert)."""
    forget_person(session, person.id)
    session.execute(
        insert(PublicPerson).values(
            id=person.id,
            display_name=person.display_name,
            job_title=person.job_title or "",
            location=person.location or "",
            languages=list(dict.fromkeys(code.lower() for code in person.languages)),
            bio=person.bio or "",
            listed_at=person.listed_at,
            updated_at=updated_at,
        )
    )
    themes = {ref.slug: ref for ref in person.themes}
    if themes:
        session.execute(
            insert(PublicPersonTheme),
            [
                {"person_id": person.id, "theme_slug": slug, "theme_name": ref.name, "position": i}
                for i, (slug, ref) in enumerate(themes.items())
            ],
        )
    accounts = person.valid_accounts()
    if accounts:
        session.execute(
            insert(PublicAccount),
            [
                {"person_id": person.id, "position": i, **a.model_dump()}
                for i, a in enumerate(accounts)
            ],
        )


def upsert_theme(session: Session, theme: ThemeChanged) -> None:
    current = session.execute(
        select(PublicTheme.slug).where(PublicTheme.id == theme.id)
    ).scalar_one_or_none()
    # A different theme that used to own the slug gives it up (slugs are unique).
    session.execute(
        delete(PublicTheme).where(PublicTheme.slug == theme.slug, PublicTheme.id != theme.id)
    )
    values = {
        "slug": theme.slug,
        "name": theme.name,
        "description": theme.description or "",
        "archived": theme.archived,
    }
    if current is None:
        session.execute(insert(PublicTheme).values(id=theme.id, **values))
    else:
        session.execute(update(PublicTheme).where(PublicTheme.id == theme.id).values(**values))
        if current != theme.slug:
            _move_links(session, current, theme.slug)
    session.execute(
        update(PublicPersonTheme)
        .where(PublicPersonTheme.theme_slug == theme.slug)
        .values(theme_name=theme.name)
    )


def merge_theme(session: Session, merged: ThemeMerged) -> None:
    target_name = session.execute(
        select(PublicTheme.name).where(PublicTheme.slug == merged.into_slug)
    ).scalar_one_or_none()
    _move_links(session, merged.slug, merged.into_slug, target_name)
    session.execute(delete(PublicTheme).where(PublicTheme.id == merged.id))
    session.execute(delete(PublicTheme).where(PublicTheme.slug == merged.slug))


def _move_links(session: Session, old: str, new: str, new_name: str | None = None) -> None:
    """Point every person's link from one theme slug to another, without duplicates."""
    already = select(PublicPersonTheme.person_id).where(PublicPersonTheme.theme_slug == new)
    session.execute(
        delete(PublicPersonTheme).where(
            PublicPersonTheme.theme_slug == old, PublicPersonTheme.person_id.in_(already)
        )
    )
    values: dict[str, str] = {"theme_slug": new}
    if new_name is not None:
        values["theme_name"] = new_name
    session.execute(
        update(PublicPersonTheme).where(PublicPersonTheme.theme_slug == old).values(**values)
    )
