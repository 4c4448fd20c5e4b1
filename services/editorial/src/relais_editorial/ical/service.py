"""Calendar subscriptions: a member makes a secret feed URL for themselves, revokes it at will;
it stops working as soon as they leave the network or are erased."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from relais_common.db import utcnow
from relais_common.errors import Gone, NotFound
from sqlalchemy.orm import Session

from relais_editorial import secret_links
from relais_editorial.contributions.repository import ContributionRepository
from relais_editorial.ical.models import CalendarFeed
from relais_editorial.ical.render import FeedEntry, render_calendar, strong_etag
from relais_editorial.ical.repository import FeedRepository
from relais_editorial.networks.auth import NetworkAccess
from relais_editorial.networks.repository import NetworkRepository, RoleRepository

# What a feed shows of the past: calendar apps keep what they already have.
FEED_HISTORY = timedelta(days=365)


@dataclass(frozen=True)
class RenderedFeed:
    body: bytes
    etag: str


def create(session: Session, access: NetworkAccess, label: str) -> tuple[CalendarFeed, str]:
    token, digest = secret_links.new_token()
    feed = CalendarFeed(
        network_id=access.network.id, person_id=access.person_id, token_hash=digest, label=label
    )
    return FeedRepository(session).create(feed, flush=True), token


def mine(session: Session, access: NetworkAccess) -> Sequence[CalendarFeed]:
    return FeedRepository(session).active_of(access.network.id, access.person_id)


def revoke(session: Session, access: NetworkAccess, feed_id: str) -> None:
    feed = FeedRepository(session).mine(access.network.id, access.person_id, feed_id)
    if feed is None or feed.revoked_at is not None:
        raise NotFound("You have no calendar subscription with this id in this network.")
    feed.revoked_at = utcnow()


def open_feed(session: Session, token: str) -> RenderedFeed:
    plausible = secret_links.plausible(token)
    found = FeedRepository(session).by_hash(secret_links.token_hash(token)) if plausible else None
    feed = secret_links.still_open(found, what="calendar subscription")
    network = NetworkRepository(session).get(feed.network_id)
    member = RoleRepository(session).role_of(feed.network_id, feed.person_id)
    if network is None or member is None:
        raise Gone("This calendar subscription ended: its subscriber left the network.")
    entries = FeedRepository(session).entries_since(network.id, utcnow() - FEED_HISTORY)
    credits = ContributionRepository(session).credits_of([e.id for e in entries])
    body = render_calendar(
        network.name,
        [
            FeedEntry(
                id=e.id,
                kind=e.kind,
                title=e.title,
                description=e.description,
                starts_at=e.starts_at,
                ends_at=e.ends_at,
                status=e.status,
                updated_at=e.updated_at,
                theme_slug=e.theme_slug,
                content_url=e.content_url,
                credited_name=credits[e.id].display_name if e.id in credits else None,
            )
            for e in entries
        ],
    )
    return RenderedFeed(body=body, etag=strong_etag(body))


def export_person(session: Session, person_id: str) -> list[dict[str, Any]]:
    return [
        {
            "id": f.id,
            "network_id": f.network_id,
            "label": f.label,
            "created_at": f.created_at.isoformat(),
            "revoked_at": f.revoked_at.isoformat() if f.revoked_at else None,
        }
        for f in FeedRepository(session).of_person(person_id)
    ]


def erase_person(session: Session, person_id: str) -> None:
    FeedRepository(session).forget_person(person_id)
