"""All SQL of the read model. Every write is an upsert or a delete by id."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from relais_common.events import EventTables
from relais_common.repository import RepositoryBase
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from relais_aggregator.models import (
    PublicAccount,
    PublicNetwork,
    PublicPerson,
    PublicPersonTheme,
    PublicTheme,
)
from relais_aggregator.readmodel.payloads import (
    AmbassadorPublic,
    NetworkChanged,
    ThemeChanged,
    ThemeMerged,
)


class PublicPersonRepository(RepositoryBase[PublicPerson]):
    model = PublicPerson

    def forget(self, person_id: str) -> None:
        self.execute(delete(PublicPersonTheme).where(PublicPersonTheme.person_id == person_id))
        self.execute(delete(PublicAccount).where(PublicAccount.person_id == person_id))
        self.execute(delete(PublicPerson).where(PublicPerson.id == person_id))

    def replace(self, person: AmbassadorPublic, updated_at: datetime) -> None:
        """Replace everything known about the person by the projection (delete, then insert)."""
        self.forget(person.id)
        self.execute(
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
            self.execute(
                insert(PublicPersonTheme),
                [
                    {
                        "person_id": person.id,
                        "theme_slug": slug,
                        "theme_name": ref.name,
                        "position": i,
                    }
                    for i, (slug, ref) in enumerate(themes.items())
                ],
            )
        accounts = person.valid_accounts()
        if accounts:
            self.execute(
                insert(PublicAccount),
                [
                    {"person_id": person.id, "position": i, **a.model_dump()}
                    for i, a in enumerate(accounts)
                ],
            )

    def everyone(self) -> Sequence[PublicPerson]:
        return self.get_all(self.get_base_statement())

    def theme_links(self) -> Sequence[PublicPersonTheme]:
        statement = select(PublicPersonTheme).order_by(PublicPersonTheme.position)
        return self.session.scalars(statement).all()

    def accounts(self) -> Sequence[PublicAccount]:
        statement = select(PublicAccount).order_by(PublicAccount.position)
        return self.session.scalars(statement).all()


class PublicThemeRepository(RepositoryBase[PublicTheme]):
    model = PublicTheme

    def everything(self) -> Sequence[PublicTheme]:
        return self.get_all(self.get_base_statement())

    def upsert(self, theme: ThemeChanged) -> None:
        current = self.session.execute(
            select(PublicTheme.slug).where(PublicTheme.id == theme.id)
        ).scalar_one_or_none()
        # A different theme that used to own the slug gives it up (slugs are unique).
        self.execute(
            delete(PublicTheme).where(PublicTheme.slug == theme.slug, PublicTheme.id != theme.id)
        )
        values = {
            "slug": theme.slug,
            "name": theme.name,
            "description": theme.description or "",
            "archived": theme.archived,
        }
        if current is None:
            self.execute(insert(PublicTheme).values(id=theme.id, **values))
        else:
            self.execute(update(PublicTheme).where(PublicTheme.id == theme.id).values(**values))
            if current != theme.slug:
                self._move_links(current, theme.slug)
        self.execute(
            update(PublicPersonTheme)
            .where(PublicPersonTheme.theme_slug == theme.slug)
            .values(theme_name=theme.name)
        )

    def merge(self, merged: ThemeMerged) -> None:
        target_name = self.session.execute(
            select(PublicTheme.name).where(PublicTheme.slug == merged.into_slug)
        ).scalar_one_or_none()
        self._move_links(merged.slug, merged.into_slug, target_name)
        self.execute(delete(PublicTheme).where(PublicTheme.id == merged.id))
        self.execute(delete(PublicTheme).where(PublicTheme.slug == merged.slug))

    def _move_links(self, old: str, new: str, new_name: str | None = None) -> None:
        """Point every person's link from one theme slug to another, without duplicates."""
        already = select(PublicPersonTheme.person_id).where(PublicPersonTheme.theme_slug == new)
        self.execute(
            delete(PublicPersonTheme).where(
                PublicPersonTheme.theme_slug == old, PublicPersonTheme.person_id.in_(already)
            )
        )
        values: dict[str, str] = {"theme_slug": new}
        if new_name is not None:
            values["theme_name"] = new_name
        self.execute(
            update(PublicPersonTheme).where(PublicPersonTheme.theme_slug == old).values(**values)
        )


class PublicNetworkRepository(RepositoryBase[PublicNetwork]):
    model = PublicNetwork

    def everything(self) -> Sequence[PublicNetwork]:
        return self.get_all(self.get_base_statement().order_by(PublicNetwork.name))

    def upsert(self, network: NetworkChanged) -> None:
        """Replace the network's row; a different network that held the slug gives it up."""
        self.execute(delete(PublicNetwork).where(PublicNetwork.slug == network.slug))
        self.execute(delete(PublicNetwork).where(PublicNetwork.id == network.id))
        self.execute(
            insert(PublicNetwork).values(
                id=network.id,
                slug=network.slug,
                name=network.name,
                purpose=network.purpose,
                archived=network.archived,
                theme_slugs=list(dict.fromkeys(network.theme_slugs)),
            )
        )


def cursor_position(session: Session, tables: EventTables, source: str) -> int:
    """How far the read model has consumed ``source``'s events (0 before the first)."""
    cursor = tables.cursor
    value = session.scalar(select(cursor.c.position).where(cursor.c.source == source))
    return int(value or 0)


def forget_person(session: Session, person_id: str) -> None:
    """The privacy registry's eraser, and the handler of an unlisting."""
    PublicPersonRepository.from_session(session).forget(person_id)
