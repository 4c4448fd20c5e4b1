"""Feed registry rules: feeds follow the read model; owners tune and hide; admins watch health.

Never commits (the session dependency or the event consumer does).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from relais_common.auth import Identity
from relais_common.concurrency import check_if_match
from relais_common.db import utcnow
from relais_common.errors import NotFound
from relais_common.pagination import Page
from sqlalchemy.orm import Session

from relais_aggregator.feeds import sanitize
from relais_aggregator.feeds.images import ImageTokens
from relais_aggregator.feeds.models import Feed, FeedItem
from relais_aggregator.feeds.repository import FeedItemRepository, FeedRepository
from relais_aggregator.feeds.rules import matches, normalise_filters
from relais_aggregator.feeds.schemas import FeedHealth, OwnedItem


@dataclass(frozen=True)
class WantedFeed:
    """An account the projection made public with a feed URL and the consent to show posts."""

    platform: str
    handle: str
    url: str


def sync_person(session: Session, person_id: str, wanted: Sequence[WantedFeed]) -> None:
    """Make the person's feeds those of ``wanted``: new ones due now, gone ones erased with
    their posts (posts consent withdrawn, account removed), a changed address started again."""
    repo = FeedRepository.from_session(session)
    now = utcnow()
    by_key = {(w.platform, w.handle): w for w in wanted}
    gone: list[str] = []
    for feed in repo.of_person(person_id):
        want = by_key.pop((feed.platform, feed.handle), None)
        if want is None:
            gone.append(feed.id)
        elif want.url != feed.original_url:
            repo.restart_at(feed.id, want.url, now)
    repo.drop(gone)
    for want in by_key.values():
        repo.add(person_id, want.platform, want.handle, want.url, now)


def forget_person(session: Session, person_id: str) -> None:
    FeedRepository.from_session(session).forget_person(person_id)


def own_feed(session: Session, me: Identity, feed_id: str) -> Feed:
    """The caller's feed; someone else's answers 404 like one that does not exist."""
    feed = FeedRepository.from_session(session).get_by_id(feed_id)
    if feed is None or feed.person_id != me.user_id:
        raise NotFound("No feed of yours has this id.")
    return feed


def item_counts(session: Session, feeds: Sequence[Feed]) -> dict[str, int]:
    return FeedRepository.from_session(session).item_counts([f.id for f in feeds])


def set_filters(
    session: Session,
    me: Identity,
    feed_id: str,
    *,
    categories: list[str],
    keywords: list[str],
    if_match: str | None,
) -> Feed:
    """Which posts reach the company page; applied at once to the posts already fetched."""
    feed = own_feed(session, me, feed_id)
    check_if_match(if_match, feed.id, feed.version)
    filters = normalise_filters({"categories": categories, "keywords": keywords})
    shown = {
        item.id: matches(
            filters,
            title=item.title,
            text=sanitize.plain(item.summary_html),
            categories=item.categories or [],
        )
        for item in FeedItemRepository.from_session(session).of_feed(feed.id)
    }
    FeedRepository.from_session(session).set_filters(feed, filters, shown)
    return feed


def set_hidden(
    session: Session, me: Identity, feed_id: str, item_id: str, hidden: bool
) -> FeedItem:
    feed = own_feed(session, me, feed_id)
    item = FeedItemRepository.from_session(session).get_by_id(item_id)
    if item is None or item.feed_id != feed.id:
        raise NotFound("This feed has no post with this id.")
    item.hidden_by_owner = hidden
    return item


def health_page(
    session: Session,
    *,
    person_id: str | None = None,
    status: str | None = None,
    cursor: str | None,
    limit: int,
) -> Page[FeedHealth]:
    feeds, next_cursor = FeedRepository.from_session(session).health_page(
        person_id=person_id, status=status, cursor=cursor, limit=limit
    )
    counts = item_counts(session, feeds)
    return Page(
        items=[FeedHealth.of(f, counts.get(f.id, 0)) for f in feeds], next_cursor=next_cursor
    )


def items_page(
    session: Session, feed_id: str, *, cursor: str | None, limit: int, tokens: ImageTokens
) -> Page[OwnedItem]:
    """The owner's posts, their images as tokens the proxy serves (as the outputs show them)."""
    items, next_cursor = FeedItemRepository.from_session(session).page(feed_id, cursor, limit)
    now = utcnow()
    owned = [OwnedItem.of(i) for i in items]
    for item in owned:
        item.summary_html = tokens.servable(item.summary_html, now, item.id)
    return Page(items=owned, next_cursor=next_cursor)
