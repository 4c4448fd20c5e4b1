"""The Planet's public shapes: posts of consenting people, and one page of the river as JSON."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from relais_aggregator.readmodel.schemas import PublicDirectory, PublicPerson


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class PlanetPost(_Frozen):
    """One item of a person's feed, as every output shows it (summary already sanitised)."""

    id: str
    title: str
    link: str
    summary_html: str
    excerpt: str
    published_at: datetime
    person_id: str
    person_slug: str
    author: str
    platform: str
    source: str
    categories: list[str]
    themes: list[str]
    pinned: bool


class PlanetPostPage(_Frozen):
    """One page of the river, newest first (pinned posts lead the first page)."""

    items: list[PlanetPost]
    page: int
    next_page: int | None


class PlanetPersonPage(_Frozen):
    person: PublicPerson
    posts: list[PlanetPost]


class PlanetNetwork(_Frozen):
    slug: str
    name: str
    purpose: str
    theme_slugs: list[str]


class Planet(_Frozen):
    """Everything every output shows, read once per change of the read model."""

    directory: PublicDirectory
    people: list[PublicPerson]
    posts: list[PlanetPost]
    networks: list[PlanetNetwork] = []

    def person_posts(self, person_id: str) -> list[PlanetPost]:
        return [p for p in self.posts if p.person_id == person_id]

    def theme_posts(self, slug: str) -> list[PlanetPost]:
        return [p for p in self.posts if slug in p.themes]

    def network_posts(self, network: PlanetNetwork) -> list[PlanetPost]:
        return [p for p in self.posts if set(p.themes) & set(network.theme_slugs)]

    def network_people(self, network: PlanetNetwork) -> list[PublicPerson]:
        return [p for p in self.people if {r.slug for r in p.themes} & set(network.theme_slugs)]
