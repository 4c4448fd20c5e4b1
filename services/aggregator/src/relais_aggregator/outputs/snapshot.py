"""Reads what every output shows, once per change: the directory, each person once, the river."""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Row
from sqlalchemy.orm import Session

from relais_aggregator.outputs.repository import (
    PlanetPostRepository,
    blocked_keywords,
    fingerprint,
)
from relais_aggregator.outputs.schemas import Planet, PlanetNetwork, PlanetPost
from relais_aggregator.readmodel.repository import PublicNetworkRepository
from relais_aggregator.readmodel.schemas import PublicPerson
from relais_aggregator.readmodel.snapshot import load_directory

__all__ = ["fingerprint", "load_planet"]
EXCERPT = 280
_INLINE = re.compile(
    r"</?(?:a|abbr|b|code|em|i|mark|q|s|small|span|strong|sub|sup|u)\b[^>]*>", re.I
)
_TAG = re.compile(r"<[^>]*>")


def excerpt(summary_html: str) -> str:
    """Plain text of the (already sanitised) summary, cut on a word."""
    text = " ".join(html.unescape(_TAG.sub(" ", _INLINE.sub("", summary_html))).split())
    if len(text) <= EXCERPT:
        return text
    return text[: EXCERPT - 1].rsplit(" ", 1)[0] + "…"


def blocked(post: PlanetPost, keywords: list[str]) -> bool:
    """A blocklisted keyword as a whole word of the title, excerpt or a category."""
    text = " ".join([post.title, post.excerpt, *post.categories]).casefold()
    return any(re.search(r"(?<!\w)" + re.escape(k) + r"(?!\w)", text) for k in keywords)


def _source(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _post(row: Row[Any], person: PublicPerson) -> PlanetPost:
    return PlanetPost(
        id=row.id,
        title=row.title or row.link or "…",
        link=row.link or "",
        summary_html=row.summary_html or "",
        excerpt=excerpt(row.summary_html or ""),
        published_at=row.published_at,
        person_id=person.id,
        person_slug=person.slug,
        author=person.display_name,
        platform=row.platform,
        source=_source(row.link or row.feed_url) or _source(row.feed_url),
        categories=[str(c) for c in (row.categories or [])][:20],
        themes=[ref.slug for ref in person.themes],
        pinned=bool(row.pinned),
    )


def load_planet(session: Session, generated_at: datetime) -> Planet:
    directory = load_directory(session, generated_at)
    everyone: dict[str, PublicPerson] = {}
    for section in directory.themes:
        for person in section.people:
            everyone.setdefault(person.id, person)
    for person in directory.other_people:
        everyone.setdefault(person.id, person)
    repository = PlanetPostRepository.from_session(session)
    consented = repository.consented_feeds()
    people = sorted(
        (_consented_only(p, consented) for p in everyone.values()),
        key=lambda p: (p.display_name.casefold(), p.id),
    )
    by_id = {p.id: p for p in people}
    keywords = blocked_keywords(session)
    posts = [
        post
        for row in repository.shown()
        if row.person_id in by_id and row.link
        for post in [_post(row, by_id[row.person_id])]
        if not blocked(post, keywords)
    ]
    posts.sort(key=lambda p: p.pinned, reverse=True)  # stable: pinned first, then newest
    networks = [
        PlanetNetwork(
            slug=n.slug, name=n.name, purpose=n.purpose, theme_slugs=[str(t) for t in n.theme_slugs]
        )
        for n in PublicNetworkRepository.from_session(session).everything()
        if not n.archived
    ]
    return Planet(directory=directory, people=people, posts=posts, networks=networks)


def _consented_only(person: PublicPerson, consented: set[tuple[str, str, str]]) -> PublicPerson:
    """A feed URL goes out (OPML) only with the consent to show posts: the feed's existence."""
    accounts = [
        a
        if (person.id, a.platform, a.handle) in consented or not a.feed_url
        else a.model_copy(update={"feed_url": None})
        for a in person.accounts
    ]
    return person.model_copy(update={"accounts": accounts})
