"""All SQL of the Planet's outputs: the shown posts, and the fingerprint of what is shown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relais_common.repository import RepositoryBase
from sqlalchemy import Row, and_, case, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from relais_aggregator.feeds.models import Feed, FeedItem, shown_on_public_page
from relais_aggregator.models import PublicAccount, PublicPerson
from relais_aggregator.moderation.models import BlockedKeyword, ModerationRevision

# The newest shown posts read per render: the river's pages, themes and people's pages.
POSTS_READ = 1000


class PlanetPostRepository(RepositoryBase[FeedItem]):
    model = FeedItem

    def shown(self, limit: int = POSTS_READ) -> Sequence[Row[Any]]:
        """Newest first: items shown by the owner's and admins' choices, of a feed that still
        exists (consent to show posts), of an account still public, of a person still listed."""
        statement = (
            select(
                FeedItem.id,
                FeedItem.person_id,
                FeedItem.title,
                FeedItem.link,
                FeedItem.summary_html,
                FeedItem.published_at,
                FeedItem.categories,
                FeedItem.pinned,
                Feed.platform,
                Feed.url.label("feed_url"),
            )
            .join(Feed, Feed.id == FeedItem.feed_id)
            .join(PublicPerson, PublicPerson.id == FeedItem.person_id)
            .join(
                PublicAccount,
                and_(
                    PublicAccount.person_id == Feed.person_id,
                    PublicAccount.platform == Feed.platform,
                    PublicAccount.handle == Feed.handle,
                ),
            )
            .where(shown_on_public_page())
            .order_by(FeedItem.published_at.desc(), FeedItem.id.desc())
            .limit(limit)
        )
        return self.session.execute(statement).all()

    def consented_feeds(self) -> set[tuple[str, str, str]]:
        """(person, platform, handle) of every feed people consented to show."""
        rows = self.session.execute(select(Feed.person_id, Feed.platform, Feed.handle)).all()
        return {(r[0], r[1], r[2]) for r in rows}


def _count_of(flag: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.sum(case((flag, 1), else_=0))


def fingerprint(session: Session) -> tuple[object, ...]:
    """Counters that move whenever a shown post, a feed's consent or moderation changes."""
    items = session.execute(
        select(
            func.count(),
            func.max(FeedItem.first_seen_at),
            _count_of(shown_on_public_page()),
            _count_of(FeedItem.pinned.is_(True)),
        )
    ).one()
    feeds = session.execute(select(func.count(), func.sum(Feed.version))).one()
    revision = session.scalar(select(func.max(ModerationRevision.version)))
    return (*items, *feeds, revision)


def blocked_keywords(session: Session) -> list[str]:
    return list(session.scalars(select(BlockedKeyword.id).order_by(BlockedKeyword.id)))
