"""Renders every public output of a Planet once: HTML per language, JSON, feeds, OPML, widget.

Keys are the path, plus "?" and the canonical query (sorted, without `lang`) when it has one:
the fast path and the routes look bytes up by the same key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from relais_aggregator.outputs import feeds, opml, widget
from relais_aggregator.outputs.schemas import Planet, PlanetPersonPage, PlanetPost, PlanetPostPage
from relais_aggregator.pages import people, views
from relais_aggregator.pages.brand import Brand
from relais_aggregator.pages.i18n import DEFAULT_LANG, LANGS, Lang, t
from relais_aggregator.pages.posts import pages_of
from relais_aggregator.pages.variant import (
    ATOM,
    CSV,
    HTML,
    JS,
    JSON,
    JSON_FEED,
    OPML,
    Variant,
    json_bytes,
    variant,
)
from relais_aggregator.readmodel.schemas import PublicDirectory, PublicThemeSection

Localized = dict[Lang, Variant]
NO_MATCH = "/people/?nobody"  # the index when a filter matches nobody (never a real query)


@dataclass(frozen=True)
class Rendered:
    position: tuple[object, ...]
    planet: Planet
    plain: dict[str, Variant]
    localized: dict[str, Localized]
    not_found: Localized
    network_empty: Localized

    @property
    def directory(self) -> PublicDirectory:
        return self.planet.directory

    def find(self, key: str, lang: Lang) -> Variant | None:
        found = self.plain.get(key)
        if found is not None:
            return found
        pages = self.localized.get(key)
        return pages[lang] if pages is not None else None


def render_all(planet: Planet, position: tuple[object, ...], brand: Brand) -> Rendered:
    plain: dict[str, Variant] = {}
    localized: dict[str, Localized] = {}
    _river(planet, brand, plain, localized)
    _people(planet, brand, plain, localized)
    _themes(planet, brand, plain, localized)
    _networks(planet, brand, plain, localized)
    plain["/widget/embed.js"] = variant(widget.EMBED_JS.encode(), JS)
    plain["/public"] = variant(json_bytes(planet.directory.model_dump(mode="json")), JSON)
    return Rendered(
        position=position,
        planet=planet,
        plain=plain,
        localized=localized,
        not_found={
            lang: variant(views.not_found(lang, brand).encode(), HTML, lang) for lang in LANGS
        },
        network_empty={
            lang: variant(views.not_found(lang, brand, network=True).encode(), HTML, lang)
            for lang in LANGS
        },
    )


def _feeds(
    plain: dict[str, Variant],
    base: str,
    page: str,
    posts: list[PlanetPost],
    title: str,
    brand: Brand,
    generated_at: datetime,
) -> None:
    plain[f"{base}.atom"] = variant(
        feeds.atom(
            posts,
            brand=brand,
            title=title,
            path=f"{base}.atom",
            page=page,
            lang=DEFAULT_LANG,
            generated_at=generated_at,
        ),
        ATOM,
    )
    plain[f"{base}.json"] = variant(
        feeds.json_feed(
            posts, brand=brand, title=title, path=f"{base}.json", page=page, lang=DEFAULT_LANG
        ),
        JSON_FEED,
    )


def _river(
    planet: Planet, brand: Brand, plain: dict[str, Variant], localized: dict[str, Localized]
) -> None:
    chunks = pages_of(planet.posts)
    for number, chunk in enumerate(chunks, start=1):
        key = "/" if number == 1 else f"/?page={number}"
        localized[key] = {
            lang: variant(
                views.home(planet, chunk, number, len(chunks), lang, brand).encode(), HTML, lang
            )
            for lang in LANGS
        }
        data = PlanetPostPage(
            items=chunk, page=number, next_page=number + 1 if number < len(chunks) else None
        )
        json_key = "/public/posts" if number == 1 else f"/public/posts?page={number}"
        plain[json_key] = variant(json_bytes(data.model_dump(mode="json")), JSON)
    generated = planet.directory.generated_at
    title = t(DEFAULT_LANG, "feed_title", company=brand.name)
    _feeds(plain, "/feeds/planet", "/", planet.posts, title, brand, generated)
    plain["/opml/planet.opml"] = variant(
        opml.opml(planet.people, title=title, generated_at=generated), OPML
    )


def _people(
    planet: Planet, brand: Brand, plain: dict[str, Variant], localized: dict[str, Localized]
) -> None:
    themes = [None] + [s.slug for s in planet.directory.themes if s.people]
    platforms = [None, *people.platforms_of(planet.people)]
    for theme in themes:
        for platform in platforms:
            if (
                theme
                and platform
                and not any(people.matches(p, theme, platform) for p in planet.people)
            ):
                continue
            query = people.filter_query(theme, platform)
            key = "/people/" + (f"?{query}" if query else "")
            localized[key] = {
                lang: variant(
                    people.people_index(planet, lang, brand, theme, platform).encode(), HTML, lang
                )
                for lang in LANGS
            }
    localized[NO_MATCH] = {
        lang: variant(
            people.people_index(planet, lang, brand, None, None, nobody_matches=True).encode(),
            HTML,
            lang,
        )
        for lang in LANGS
    }
    for person in planet.people:
        posts = planet.person_posts(person.id)
        localized[f"/people/{person.slug}"] = {
            lang: variant(people.person_page(person, posts, lang, brand).encode(), HTML, lang)
            for lang in LANGS
        }
        data = PlanetPersonPage(person=person, posts=posts[: people.PERSON_POSTS])
        plain[f"/public/people/{person.slug}"] = variant(
            json_bytes(data.model_dump(mode="json")), JSON
        )


def _themes(
    planet: Planet, brand: Brand, plain: dict[str, Variant], localized: dict[str, Localized]
) -> None:
    generated = planet.directory.generated_at
    for section in planet.directory.themes:
        slug = section.slug
        posts = planet.theme_posts(slug)
        localized[f"/themes/{slug}"] = {
            lang: variant(views.theme(section, posts, lang, brand).encode(), HTML, lang)
            for lang in LANGS
        }
        plain[f"/public/themes/{slug}"] = variant(json_bytes(section.model_dump(mode="json")), JSON)
        title = t(DEFAULT_LANG, "feed_theme_title", theme=section.name, company=brand.name)
        _feeds(plain, f"/feeds/themes/{slug}", f"/themes/{slug}", posts, title, brand, generated)
        plain[f"/opml/themes/{slug}.opml"] = variant(
            opml.opml(section.people, title=title, generated_at=generated), OPML
        )
        plain[f"/opml/themes/{slug}.csv"] = variant(opml.follow_list(section.people), CSV)
        csp = (("content-security-policy", widget.widget_csp(brand)),)
        localized[f"/widget/{slug}"] = {
            lang: variant(widget.widget_page(section, posts, lang, brand).encode(), HTML, lang, csp)
            for lang in LANGS
        }


def _networks(
    planet: Planet, brand: Brand, plain: dict[str, Variant], localized: dict[str, Localized]
) -> None:
    generated = planet.directory.generated_at
    for network in planet.networks:
        slug = network.slug
        posts = planet.network_posts(network)
        section = PublicThemeSection(
            slug=slug, name=network.name, description=network.purpose,
            people=planet.network_people(network),
        )  # fmt: skip
        localized[f"/networks/{slug}"] = {
            lang: variant(views.theme(section, posts, lang, brand, "networks").encode(), HTML, lang)
            for lang in LANGS
        }
        title = t(DEFAULT_LANG, "feed_theme_title", theme=network.name, company=brand.name)
        _feeds(
            plain, f"/feeds/networks/{slug}", f"/networks/{slug}", posts, title, brand, generated
        )
