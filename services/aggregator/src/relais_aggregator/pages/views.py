"""The Planet's HTML views: home (river page n), a theme, a network, not found."""

from __future__ import annotations

from html import escape

from relais_aggregator.outputs.schemas import Planet, PlanetPost
from relais_aggregator.pages.brand import Brand
from relais_aggregator.pages.i18n import Lang, people_count, t
from relais_aggregator.pages.layout import Head, page
from relais_aggregator.pages.people import cards
from relais_aggregator.pages.posts import pager, post_list
from relais_aggregator.readmodel.schemas import PublicThemeSection

ATOM = "application/atom+xml"
JSON_FEED = "application/feed+json"


def organization_ld(brand: Brand) -> dict[str, object]:
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": brand.name,
        "url": brand.absolute("/"),
    }
    src = brand.logo_src()
    if src and not src.startswith("data:"):
        data["logo"] = src if src.startswith("http") else brand.absolute(src)
    return data


def posting_ld(post: PlanetPost, brand: Brand) -> dict[str, object]:
    return {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "url": post.link,
        "datePublished": post.published_at.isoformat(),
        "author": {
            "@type": "Person",
            "name": post.author,
            "url": brand.absolute(f"/people/{post.person_slug}"),
        },
        "publisher": {"@type": "Organization", "name": brand.name},
    }


def _themes_nav(planet: Planet, lang: Lang) -> str:
    sections = [s for s in planet.directory.themes if s.people]
    if not sections:
        return ""
    items = "".join(
        f'<li><a href="/themes/{escape(s.slug)}?lang={lang}">{escape(s.name)}</a></li>'
        for s in sections
    )
    return (
        f'<nav class="themes" aria-labelledby="nav-title"><div class="wrap">'
        f'<h2 class="sr" id="nav-title">{escape(t(lang, "themes_nav"))}</h2><ul>{items}</ul>'
        "</div></nav>\n"
    )


def subscribe_links(lang: Lang, feeds: str, opml: str = "", follow: str = "") -> str:
    links = [
        (f"{feeds}.atom", t(lang, "atom")),
        (f"{feeds}.json", t(lang, "jsonfeed")),
    ]
    if opml:
        links.append((opml, t(lang, "opml")))
    if follow:
        links.append((follow, t(lang, "follow_csv")))
    items = "".join(f'<li><a href="{escape(h)}">{escape(label)}</a></li>' for h, label in links)
    return (
        f'<h2 class="sr">{escape(t(lang, "subscribe"))}</h2>'
        f'<ul class="subscribe" aria-label="{escape(t(lang, "subscribe"))}">{items}</ul>'
    )


def _feed_links(lang: Lang, brand: Brand, base: str, title: str) -> list[tuple[str, str, str]]:
    return [(ATOM, f"{base}.atom", title), (JSON_FEED, f"{base}.json", title)]


VOICES = 40


def _voices(planet: Planet, lang: Lang) -> str:
    """Everyone once, by name (the index has the cards and the filters)."""
    names = "".join(
        f'<li><a href="/people/{escape(p.slug)}?lang={lang}">{escape(p.display_name)}</a></li>'
        for p in planet.people[:VOICES]
    )
    return (
        f'<aside aria-labelledby="h-voices"><h2 id="h-voices">{escape(t(lang, "nav_people"))}'
        f' <span class="meta">({escape(people_count(lang, len(planet.people)))})</span></h2>'
        f'<ul class="links">{names}</ul>'
        f'<p><a href="/people/?lang={lang}">{escape(t(lang, "all_people"))}</a></p></aside>'
    )


def home(
    planet: Planet, posts: list[PlanetPost], number: int, count: int, lang: Lang, brand: Brand
) -> str:
    title = t(lang, "title", company=brand.name)
    feed_title = t(lang, "feed_title", company=brand.name)
    main = (
        subscribe_links(lang, "/feeds/planet", "/opml/planet.opml")
        + '<div class="cols"><section aria-labelledby="h-river"><h2 id="h-river">'
        + escape(t(lang, "river_title"))
        + (f" — {escape(t(lang, 'page_title', n=number))}" if number > 1 else "")
        + f"</h2>{post_list(posts, lang)}{pager('/', number, count, lang)}</section>"
        + f"{_voices(planet, lang)}</div>"
    )
    if not planet.directory.people_count:
        main = f'<p class="empty">{escape(t(lang, "empty"))}</p>'
    return page(
        lang=lang,
        brand=brand,
        head=Head(
            title=title if number == 1 else f"{title} — {t(lang, 'page_title', n=number)}",
            description=t(lang, "lede"),
            path="/",
            query=f"page={number}" if number > 1 else "",
            jsonld=[organization_ld(brand)] + [posting_ld(p, brand) for p in posts],
            feeds=_feed_links(lang, brand, "/feeds/planet", feed_title),
        ),
        heading=title,
        lede=t(lang, "lede"),
        nav=_themes_nav(planet, lang),
        main=main,
        current="/",
    )


def theme(
    section: PublicThemeSection,
    posts: list[PlanetPost],
    lang: Lang,
    brand: Brand,
    kind: str = "themes",
) -> str:
    """A theme's page, or a network's (kind="networks": the people of its themes)."""
    slug = section.slug
    count = escape(people_count(lang, len(section.people)))
    people = (
        cards(section.people, lang, 3)
        if section.people
        else (f'<p class="empty">{escape(t(lang, "theme_empty"))}</p>')
    )
    main = (
        (
            subscribe_links(
                lang,
                f"/feeds/themes/{slug}",
                f"/opml/themes/{slug}.opml",
                f"/opml/themes/{slug}.csv",
            )
            if kind == "themes"
            else subscribe_links(lang, f"/feeds/networks/{slug}")
        )
        + '<div class="cols">'
        + f'<section aria-labelledby="h-posts"><h2 id="h-posts">{escape(t(lang, "river_title"))}'
        + f"</h2>{post_list(posts[:20], lang)}</section>"
        + '<section aria-labelledby="h-people"><h2 id="h-people">'
        + f'{escape(t(lang, "people_heading"))} <span class="meta">({count})</span></h2>'
        + f"{people}</section></div>"
        + f'<p><a href="/?lang={lang}">{escape(t(lang, "all_themes"))}</a></p>'
    )
    feed_title = t(lang, "feed_theme_title", theme=section.name, company=brand.name)
    return page(
        lang=lang,
        brand=brand,
        head=Head(
            title=t(lang, "theme_title", theme=section.name, company=brand.name),
            description=section.description or t(lang, "title", company=brand.name),
            path=f"/{kind}/{slug}",
            feeds=_feed_links(lang, brand, f"/feeds/{kind}/{slug}", feed_title),
        ),
        heading=section.name,
        lede=section.description or t(lang, "title", company=brand.name),
        main=main,
    )


def not_found(lang: Lang, brand: Brand, *, network: bool = False) -> str:
    key = "network_empty" if network else "not_found_body"
    body = (
        f'<p class="empty">{escape(t(lang, key))}</p>'
        f'<p><a href="/?lang={lang}">{escape(t(lang, "all_themes"))}</a></p>'
    )
    title = t(lang, "network_title" if network else "not_found_title")
    return page(
        lang=lang,
        brand=brand,
        head=Head(title=title, description=t(lang, "title", company=brand.name), path="/"),
        heading=title,
        lede=t(lang, "title", company=brand.name),
        main=body,
    )
