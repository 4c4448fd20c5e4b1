"""The three HTML views (home, one theme, not found) built from the public directory."""

from __future__ import annotations

import hashlib
from html import escape

from relais_common.platforms import platform_label

from relais_aggregator.pages.i18n import Lang, language_name, people_count, t
from relais_aggregator.pages.layout import page
from relais_aggregator.readmodel.schemas import (
    PublicAccount,
    PublicDirectory,
    PublicPerson,
    PublicThemeSection,
)

BIO_LIMIT = 280


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


def person_card(person: PublicPerson, lang: Lang, level: int = 3) -> str:
    parts = [
        '<li class="card"><article>',
        f'<div class="who"><span class="avatar {_avatar_class(person.id)}" aria-hidden="true">'
        f"{escape(initials(person.display_name))}</span><div>"
        f"<h{level}>{escape(person.display_name)}</h{level}>",
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
    if person.accounts:
        links = "".join(_account(a, lang) for a in person.accounts)
        label = escape(t(lang, "accounts"))
        parts.append(f'<ul class="links" aria-label="{label}">{links}</ul>')
    parts.append("</article></li>")
    return "".join(parts)


def _cards(people: list[PublicPerson], lang: Lang, level: int) -> str:
    return '<ul class="cards">' + "".join(person_card(p, lang, level) for p in people) + "</ul>"


def _section(section: PublicThemeSection, lang: Lang, anchor: str, link: bool = True) -> str:
    slug = escape(section.slug)
    name = escape(section.name)
    title = f'<a href="/themes/{slug}?lang={lang}">{name}</a>' if link else name
    head = (
        f'<section class="theme" id="{anchor}" aria-labelledby="h-{anchor}">'
        f'<div class="theme-head"><h2 id="h-{anchor}">{title}</h2>'
        f'<span class="count">{escape(people_count(lang, len(section.people)))}</span></div>'
    )
    desc = f'<p class="theme-desc">{escape(section.description)}</p>' if section.description else ""
    return head + desc + _cards(section.people, lang, 3) + "</section>\n"


def _nav(entries: list[tuple[str, str]], lang: Lang) -> str:
    if not entries:
        return ""
    items = "".join(f'<li><a href="#{anchor}">{escape(name)}</a></li>' for anchor, name in entries)
    title = escape(t(lang, "themes_nav"))
    return (
        f'<nav class="themes" aria-labelledby="nav-title"><div class="wrap">'
        f'<h2 class="nav-title" id="nav-title">{title}</h2><ul>{items}</ul></div></nav>\n'
    )


def home(directory: PublicDirectory, lang: Lang, company: str) -> str:
    sections = [s for s in directory.themes if s.people]
    entries = [(_anchor(s.slug), s.name) for s in sections]
    body = "".join(_section(s, lang, _anchor(s.slug)) for s in sections)
    if directory.other_people:
        other = PublicThemeSection(
            slug="", name=t(lang, "other_voices"), description="", people=directory.other_people
        )
        entries.append(("more-voices", other.name))
        body += _section(other, lang, "more-voices", link=False)
    if not directory.people_count:
        body = f'<p class="empty">{escape(t(lang, "empty"))}</p>'
    title = t(lang, "title", company=company)
    return page(
        lang=lang,
        title=title,
        company=company,
        path="/",
        heading=title,
        lede=t(lang, "lede"),
        nav=_nav(entries, lang),
        main=body,
    )


def _anchor(slug: str) -> str:
    return "theme-" + escape(slug)


def theme(section: PublicThemeSection, lang: Lang, company: str) -> str:
    count = escape(people_count(lang, len(section.people)))
    body = f'<p class="count">{count}</p>'
    if section.people:
        body += _cards(section.people, lang, 2)
    else:
        body += f'<p class="empty">{escape(t(lang, "theme_empty"))}</p>'
    body += f'<p><a href="/?lang={lang}">{escape(t(lang, "all_themes"))}</a></p>'
    return page(
        lang=lang,
        title=t(lang, "theme_title", theme=section.name, company=company),
        company=company,
        path=f"/themes/{section.slug}",
        heading=section.name,
        lede=section.description or t(lang, "title", company=company),
        nav="",
        main=body,
    )


def not_found(lang: Lang, company: str) -> str:
    body = (
        f'<p class="empty">{escape(t(lang, "not_found_body"))}</p>'
        f'<p><a href="/?lang={lang}">{escape(t(lang, "all_themes"))}</a></p>'
    )
    title = t(lang, "not_found_title")
    return page(
        lang=lang,
        title=title,
        company=company,
        path="/",
        heading=title,
        lede=t(lang, "title", company=company),
        nav="",
        main=body,
    )
