"""The page shell: landmarks, skip link, branding, language switch, OpenGraph and schema.org."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from relais_aggregator.pages.brand import Brand
from relais_aggregator.pages.i18n import Lang, other, t
from relais_aggregator.pages.style import brand_style


@dataclass(frozen=True)
class Head:
    """What a page says about itself to crawlers and feed readers."""

    title: str
    description: str
    path: str
    query: str = ""  # the page's own query (without lang), kept by the language switch
    og_type: str = "website"
    jsonld: Sequence[dict[str, Any]] = ()
    feeds: Sequence[tuple[str, str, str]] = field(default_factory=tuple)  # (type, href, title)


def json_ld(data: dict[str, Any]) -> str:
    """schema.org data: "<" is escaped, so no text in it can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>\n'


def _with_lang(path: str, query: str, lang: Lang) -> str:
    return f"{path}?{query}&lang={lang}" if query else f"{path}?lang={lang}"


def _menu(lang: Lang, current: str) -> str:
    items = [("/", t(lang, "nav_posts")), ("/people/", t(lang, "nav_people"))]
    mark = ' aria-current="page"'
    links = "".join(
        f'<li><a href="{href}?lang={lang}"{mark if href == current else ""}>'
        f"{escape(label)}</a></li>"
        for href, label in items
    )
    return f'<nav aria-label="{escape(t(lang, "nav_label"))}"><ul class="menu">{links}</ul></nav>'


def _brand_link(brand: Brand, lang: Lang) -> str:
    src = brand.logo_src()
    logo = f'<img src="{escape(src)}" alt="" width="32" height="32">' if src else ""
    return f'<a class="brand" href="/?lang={lang}">{logo}<span>{escape(brand.name)}</span></a>'


def _meta(head: Head, brand: Brand, lang: Lang) -> str:
    url = escape(brand.absolute(_with_lang(head.path, head.query, lang)))
    alt = other(lang)
    parts = [
        f"<title>{escape(head.title)}</title>",
        f'<meta name="description" content="{escape(head.description)}">',
        f'<link rel="canonical" href="{url}">',
        f'<link rel="alternate" hreflang="{alt}" '
        f'href="{escape(_with_lang(head.path, head.query, alt))}">',
        f'<meta property="og:title" content="{escape(head.title)}">',
        f'<meta property="og:description" content="{escape(head.description)}">',
        f'<meta property="og:type" content="{escape(head.og_type)}">',
        f'<meta property="og:url" content="{url}">',
        f'<meta property="og:site_name" content="{escape(brand.name)}">',
        f'<meta property="og:locale" content="{"fr_FR" if lang == "fr" else "en_US"}">',
    ]
    src = brand.logo_src()
    if src and not src.startswith("data:"):
        image = src if src.startswith("http") else brand.absolute(src)
        parts.append(f'<meta property="og:image" content="{escape(image)}">')
    for media_type, href, title in head.feeds:
        parts.append(
            f'<link rel="alternate" type="{media_type}" href="{escape(href)}" '
            f'title="{escape(title)}">'
        )
    return "\n".join(parts) + "\n" + "".join(json_ld(d) for d in head.jsonld)


def page(
    *,
    lang: Lang,
    brand: Brand,
    head: Head,
    heading: str,
    lede: str,
    main: str,
    nav: str = "",
    current: str = "",
) -> str:
    """A whole HTML document; heading and lede are escaped here, nav and main come built."""
    alt = other(lang)
    switch = (
        f'<a class="switch" href="{escape(_with_lang(head.path, head.query, alt))}" '
        f'hreflang="{alt}" lang="{alt}" aria-label="{escape(t(lang, "switch_label"))}">'
        f"{escape(t(lang, 'switch_text'))}</a>"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{_meta(head, brand, lang)}"
        f"<style>{brand_style(brand.color, brand.accent)}</style>\n</head>\n<body>\n"
        f'<a class="skip" href="#content">{escape(t(lang, "skip"))}</a>\n'
        '<header class="hero"><div class="wrap">\n'
        f'<div class="bar">{_brand_link(brand, lang)}{_menu(lang, current)}{switch}</div>\n'
        f'<div class="hero-text"><h1>{escape(heading)}</h1>'
        f'<p class="lede">{escape(lede)}</p></div>\n'
        "</div></header>\n"
        f"{nav}"
        f'<main id="content" tabindex="-1"><div class="wrap">\n{main}</div></main>\n'
        f'<footer><div class="wrap"><p>{escape(t(lang, "footer"))}</p></div></footer>\n'
        "</body>\n</html>\n"
    )
