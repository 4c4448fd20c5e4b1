"""All SQL of the feed registry and its items."""

from __future__ import annotations

from relais_common.repository import RepositoryBase
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from relais_aggregator.feeds.models import Feed, FeedItem


class FeedRepository(RepositoryBase[Feed]):
    model = Feed

    def forget_person(self, person_id: str) -> None:
        self.execute(delete(FeedItem).where(FeedItem.person_id == person_id))
        self.execute(delete(Feed).where(Feed.person_id == person_id))

    def drop(self, feed_ids: list[str]) -> None:
        if feed_ids:
            self.execute(delete(FeedItem).where(FeedItem.feed_id.in_(feed_ids)))
            self.execute(delete(Feed).where(Feed.id.in_(feed_ids)))

    def of_person(self, person_id: str) -> list[Feed]:
        statement = select(Feed).where(Feed.person_id == person_id).order_by(Feed.created_at)
        return list(self.get_all(statement))


def forget_person(session: Session, person_id: str) -> None:
    """The privacy registry's eraser: a person's feeds and every item fetched from them."""
    FeedRepository.from_session(session).forget_person(person_id)
