"""Atom 1.0 and JSON Feed 1.1 of a river (the whole Planet, a theme, a network)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from relais_aggregator.outputs.schemas import PlanetPost
from relais_aggregator.pages.brand import Brand

FEED_SIZE = 50
# Characters XML 1.0 forbids even escaped: a feed carrying one would not parse at all.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def xml_attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("", value))


def _tag(brand: Brand, post: PlanetPost) -> str:
    host = urlsplit(brand.base_url).hostname or "relais.localhost"
    return f"tag:{host},2026:post:{post.id}"


def _updated(posts: list[PlanetPost], generated_at: datetime) -> datetime:
    return max((p.published_at for p in posts), default=generated_at)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def atom(
    posts: list[PlanetPost],
    *,
    brand: Brand,
    title: str,
    path: str,
    page: str,
    lang: str,
    generated_at: datetime,
) -> bytes:
    """A valid Atom 1.0 document; summaries travel as escaped (already sanitised) HTML."""
    head = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={xml_attr(lang)}>',
        f"<id>{xml_text(brand.absolute(path))}</id>",
        f"<title>{xml_text(title)}</title>",
        f"<updated>{_stamp(_updated(posts, generated_at))}</updated>",
        f'<link rel="self" type="application/atom+xml" href={xml_attr(brand.absolute(path))}/>',
        f'<link rel="alternate" type="text/html" href={xml_attr(brand.absolute(page))}/>',
        f"<author><name>{xml_text(brand.name)}</name></author>",
        '<generator uri="https://relais.localhost">Relais</generator>',
    ]
    entries = [_entry(post, brand) for post in posts[:FEED_SIZE]]
    return ("\n".join(head + entries) + "\n</feed>\n").encode()


def _entry(post: PlanetPost, brand: Brand) -> str:
    categories = "".join(f"<category term={xml_attr(c)}/>" for c in post.categories)
    summary = (
        f'<summary type="html">{xml_text(post.summary_html)}</summary>'
        if post.summary_html
        else f'<summary type="text">{xml_text(post.excerpt)}</summary>'
    )
    return (
        f"<entry><id>{xml_text(_tag(brand, post))}</id>"
        f'<title type="text">{xml_text(post.title)}</title>'
        f'<link rel="alternate" type="text/html" href={xml_attr(post.link)}/>'
        f"<published>{_stamp(post.published_at)}</published>"
        f"<updated>{_stamp(post.published_at)}</updated>"
        f"<author><name>{xml_text(post.author)}</name>"
        f"<uri>{xml_text(brand.absolute('/people/' + post.person_slug))}</uri></author>"
        f"{categories}{summary}</entry>"
    )


def json_feed(
    posts: list[PlanetPost], *, brand: Brand, title: str, path: str, page: str, lang: str
) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": brand.absolute(page),
        "feed_url": brand.absolute(path),
        "language": lang,
        "authors": [{"name": brand.name, "url": brand.absolute("/")}],
        "items": [
            {
                "id": _tag(brand, post),
                "url": post.link,
                "title": post.title,
                "content_html": post.summary_html or "",
                "summary": post.excerpt,
                "date_published": _stamp(post.published_at),
                "authors": [
                    {"name": post.author, "url": brand.absolute("/people/" + post.person_slug)}
                ],
                "tags": post.categories,
            }
            for post in posts[:FEED_SIZE]
        ],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
