"""People in HTML: a card, the index (each person once, filtered by theme and platform through
plain query parameters) and a page per person with their accounts and latest posts."""

from __future__ import annotations

import hashlib
from html import escape
from urllib.parse import urlencode

from relais_common.platforms import platform_label

from relais_aggregator.outputs.schemas import Planet, PlanetPost
from relais_aggregator.pages.brand import Brand
from relais_aggregator.pages.i18n import Lang, language_name, t
from relais_aggregator.pages.layout import Head, page
from relais_aggregator.pages.posts import post_list
from relais_aggregator.readmodel.schemas import PublicAccount, PublicPerson

BIO_LIMIT = 280
PERSON_POSTS = 10


def initials(name: str) -> str:
    words = [w for w in name.split() if w[:1].isalnum()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def _avatar_class(person_id: str) -> str:
    return f"a{hashlib.sha256(person_id.encode()).digest()[0] % 6}"


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= BIO_LIMIT:
        return text
    return text[: BIO_LIMIT - 1].rsplit(" ", 1)[0] + "…"


def handle_html(handle: str) -> str:
    """A line-break opportunity before each inner "@": long fediverse handles wrap on narrow
    cards, and "@name@instance" is never mistaken for an e-mail address by a scanner."""
    text = escape(handle)
    return text[:1] + text[1:].replace("@", "<wbr>@")


def _account(account: PublicAccount, lang: Lang) -> str:
    label = platform_label(account.platform) + t(lang, "colon")
    return (
        f'<li><a href="{escape(account.profile_url)}" rel="me noopener">'
        f"{escape(label)}{handle_html(account.handle)}</a></li>"
    )


def accounts_list(person: PublicPerson, lang: Lang) -> str:
    if not person.accounts:
        return ""
    links = "".join(_account(a, lang) for a in person.accounts)
    return f'<ul class="links" aria-label="{escape(t(lang, "accounts"))}">{links}</ul>'


def person_card(person: PublicPerson, lang: Lang, level: int = 3) -> str:
    name = (
        f'<a href="/people/{escape(person.slug)}?lang={lang}">{escape(person.display_name)}</a>'
        if person.slug
        else escape(person.display_name)
    )
    parts = [
        '<li class="card"><article>',
        f'<div class="who"><span class="avatar {_avatar_class(person.id)}" aria-hidden="true">'
        f"{escape(initials(person.display_name))}</span><div>"
        f"<h{level}>{name}</h{level}>",
    ]
    if person.job_title:
        parts.append(f'<p class="job">{escape(person.job_title)}</p>')
    parts.append("</div></div>")
    if person.location:
        parts.append(f'<p class="meta">{escape(person.location)}</p>')
    if person.languages:
        names = ", ".join(language_name(lang, code) for code in person.languages)
        parts.append(
            f'<p class="meta">{escape(t(lang, "languages") + t(lang, "colon"))}{escape(names)}</p>'
        )
    if person.bio:
        parts.append(f'<p class="bio">{escape(_short(person.bio))}</p>')
    parts.append(accounts_list(person, lang))
    parts.append("</article></li>")
    return "".join(parts)


def cards(people: list[PublicPerson], lang: Lang, level: int = 3) -> str:
    return '<ul class="cards">' + "".join(person_card(p, lang, level) for p in people) + "</ul>"


def platforms_of(people: list[PublicPerson]) -> list[str]:
    return sorted({a.platform for p in people for a in p.accounts}, key=platform_label)


def matches(person: PublicPerson, theme: str | None, platform: str | None) -> bool:
    if theme and not any(ref.slug == theme for ref in person.themes):
        return False
    return not platform or any(a.platform == platform for a in person.accounts)


def filter_query(theme: str | None, platform: str | None) -> str:
    """The canonical query of a filter (sorted keys): the render cache's key for it."""
    pairs = sorted((k, v) for k, v in (("platform", platform), ("theme", theme)) if v)
    return urlencode(pairs)


def _select(
    name: str, label: str, options: list[tuple[str, str]], chosen: str | None, lang: Lang
) -> str:
    opts = [f'<option value="">{escape(t(lang, "any"))}</option>'] + [
        f'<option value="{escape(v)}"{" selected" if v == chosen else ""}>{escape(text)}</option>'
        for v, text in options
    ]
    return (
        f'<label for="f-{name}">{escape(label)}'
        f'<select id="f-{name}" name="{name}">{"".join(opts)}</select></label>'
    )


def people_index(
    planet: Planet,
    lang: Lang,
    brand: Brand,
    theme: str | None,
    platform: str | None,
    *,
    nobody_matches: bool = False,
) -> str:
    themes = [(s.slug, s.name) for s in planet.directory.themes if s.people]
    platforms = [(p, platform_label(p)) for p in platforms_of(planet.people)]
    form = (
        f'<form class="filters" method="get" action="/people/" role="search" '
        f'aria-label="{escape(t(lang, "filter_label"))}">'
        + _select("theme", t(lang, "filter_theme"), themes, theme, lang)
        + _select("platform", t(lang, "filter_platform"), platforms, platform, lang)
        + f'<input type="hidden" name="lang" value="{lang}">'
        f'<button type="submit">{escape(t(lang, "apply"))}</button></form>'
    )
    chosen = [] if nobody_matches else [p for p in planet.people if matches(p, theme, platform)]
    nobody = t(lang, "people_none" if planet.people else "empty")
    body = cards(chosen, lang, 2) if chosen else f'<p class="empty">{escape(nobody)}</p>'
    title = t(lang, "people_title", company=brand.name)
    lede = t(lang, "people_lede", company=brand.name)
    return page(
        lang=lang,
        brand=brand,
        head=Head(
            title=title, description=lede, path="/people/", query=filter_query(theme, platform)
        ),
        heading=t(lang, "people_heading"),
        lede=lede,
        main=form + body,
        current="/people/",
    )


def _person_ld(person: PublicPerson, brand: Brand) -> dict[str, object]:
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.display_name,
        "url": brand.absolute(f"/people/{person.slug}"),
        "sameAs": [a.profile_url for a in person.accounts],
        "worksFor": {"@type": "Organization", "name": brand.name, "url": brand.absolute("/")},
    }
    if person.job_title:
        data["jobTitle"] = person.job_title
    return data


def person_page(person: PublicPerson, posts: list[PlanetPost], lang: Lang, brand: Brand) -> str:
    themes = "".join(
        f'<li><a href="/themes/{escape(r.slug)}?lang={lang}">{escape(r.name)}</a></li>'
        for r in person.themes
    )
    side = f"<h2>{escape(t(lang, 'accounts'))}</h2>{accounts_list(person, lang)}"
    if themes:
        side += f'<h2>{escape(t(lang, "person_themes"))}</h2><ul class="links">{themes}</ul>'
    if person.bio:
        side = f"<p>{escape(person.bio)}</p>" + side
    main = (
        f'<div class="cols"><section aria-labelledby="h-posts"><h2 id="h-posts">'
        f"{escape(t(lang, 'person_posts'))}</h2>"
        f"{post_list(posts[:PERSON_POSTS], lang, author=False)}</section>"
        f"<aside>{side}</aside></div>"
    )
    lede = " · ".join(x for x in (person.job_title, person.location) if x) or brand.name
    return page(
        lang=lang,
        brand=brand,
        head=Head(
            title=f"{person.display_name} — {brand.name}",
            description=_short(person.bio) or lede,
            path=f"/people/{person.slug}",
            og_type="profile",
            jsonld=[_person_ld(person, brand)],
        ),
        heading=person.display_name,
        lede=lede,
        main=main,
    )
