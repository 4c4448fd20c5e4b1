"""All SQL of the feed registry and its items."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from relais_common.db import new_id, read_on_loop
from relais_common.repository import RepositoryBase
from sqlalchemy import bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from relais_aggregator.feeds.models import FEED_ACTIVE, FEED_RETIRED, Feed, FeedItem
from relais_aggregator.feeds.work import FeedTask, FeedUpdate, ItemData


class FeedRepository(RepositoryBase[Feed]):
    model = Feed

    def forget_person(self, person_id: str) -> None:
        self.execute(delete(FeedItem).where(FeedItem.person_id == person_id))
        self.execute(delete(Feed).where(Feed.person_id == person_id))

    def drop(self, feed_ids: Sequence[str]) -> None:
        if feed_ids:
            self.execute(delete(FeedItem).where(FeedItem.feed_id.in_(feed_ids)))
            self.execute(delete(Feed).where(Feed.id.in_(feed_ids)))

    def of_person(self, person_id: str) -> list[Feed]:
        statement = select(Feed).where(Feed.person_id == person_id).order_by(Feed.created_at)
        return list(self.get_all(statement))

    def add(self, person_id: str, platform: str, handle: str, url: str, now: datetime) -> None:
        self.execute(
            insert(Feed).values(
                id=new_id(),
                person_id=person_id,
                platform=platform,
                handle=handle,
                url=url,
                original_url=url,
                status=FEED_ACTIVE,
                next_attempt_at=now,
                failures=0,
                interval_seconds=3600,
                filters={},
                version=1,
                created_at=now,
            )
        )

    def restart_at(self, feed_id: str, url: str, now: datetime) -> None:
        """The person gave another feed address: start again from it."""
        self.execute(
            update(Feed)
            .where(Feed.id == feed_id)
            .values(
                url=url, original_url=url, etag=None, last_modified=None, body_hash=None,
                status=FEED_ACTIVE, failures=0, next_attempt_at=now, redirected_from=None,
                redirected_at=None, last_error=None, last_error_at=None, http_status=None,
            )
        )  # fmt: skip

    def lease_due(self, owner: str, now: datetime, limit: int, seconds: int) -> list[FeedTask]:
        """Take the due feeds nobody holds; SKIP LOCKED lets replicas take disjoint sets."""
        statement = (
            select(Feed)
            .where(
                Feed.status != FEED_RETIRED,
                Feed.next_attempt_at <= now,
                or_(Feed.lease_until.is_(None), Feed.lease_until < now),
            )
            .order_by(Feed.next_attempt_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        feeds = list(self.session.scalars(statement))
        if not feeds:
            return []
        self.execute(
            update(Feed)
            .where(Feed.id.in_([f.id for f in feeds]))
            .values(lease_owner=owner, lease_until=now + timedelta(seconds=seconds))
        )
        return [FeedTask.of(feed) for feed in feeds]

    def write(self, result: FeedUpdate) -> bool:
        """The fetch's result, if this worker still holds the lease (False otherwise)."""
        # Core, on the session's connection: no Feed is loaded in this session, and the ORM's
        # bulk update cost more than the database did (a round of 1,000 writes this 1,000 times)
        done = self.session.connection().execute(
            update(Feed)
            .where(Feed.id == result.feed_id, Feed.lease_owner == result.owner)
            .values(lease_owner=None, lease_until=None, **result.values)
        )
        if getattr(done, "rowcount", 1) == 0:
            return False
        if result.items:
            FeedItemRepository(self.session).merge(result.task, result.items, result.max_items)
        return True

    def write_many(self, results: Sequence[FeedUpdate]) -> int:
        """Results that carry no posts (304, unchanged, failures), alike in their columns, in
        one executemany; a feed whose lease this worker lost is left out by the WHERE."""
        if not results:
            return 0
        keys = sorted(results[0].values)
        statement = (
            update(Feed)
            .where(Feed.id == bindparam("b_id"), Feed.lease_owner == bindparam("b_owner"))
            .values(lease_owner=None, lease_until=None, **{k: bindparam(f"v_{k}") for k in keys})
            .execution_options(synchronize_session=False)
        )
        rows = [
            {"b_id": r.feed_id, "b_owner": r.owner, **{f"v_{k}": r.values[k] for k in keys}}
            for r in results
        ]
        self.session.connection().execute(statement, rows)
        return len(rows)

    def health_page(
        self, *, person_id: str | None, status: str | None, cursor: str | None, limit: int
    ) -> tuple[list[Feed], str | None]:
        statement = select(Feed)
        if person_id is not None:
            statement = statement.where(Feed.person_id == person_id)
        if status is not None:
            statement = statement.where(Feed.status == status)
        return self.paginate(
            statement, sort=Feed.created_at, tiebreak=Feed.id, cursor=cursor, limit=limit
        )

    def item_counts(self, feed_ids: Sequence[str]) -> dict[str, int]:
        if not feed_ids:
            return {}
        rows = self.session.execute(
            select(FeedItem.feed_id, func.count())
            .where(FeedItem.feed_id.in_(feed_ids))
            .group_by(FeedItem.feed_id)
        )
        return {feed_id: int(count) for feed_id, count in rows}

    def set_filters(self, feed: Feed, filters: dict[str, Any], shown: dict[str, bool]) -> None:
        feed.filters = filters
        feed.version += 1
        for value in (True, False):
            ids = [item_id for item_id, match in shown.items() if match is value]
            if ids:
                self.execute(
                    update(FeedItem).where(FeedItem.id.in_(ids)).values(matches_filters=value)
                )


_CHANGE_ITEM = (
    update(FeedItem)
    .where(FeedItem.id == bindparam("b_id"))
    .values({key: bindparam(key) for key in ItemData.CHANGED})
)


class FeedItemRepository(RepositoryBase[FeedItem]):
    model = FeedItem

    def of_feed(self, feed_id: str) -> list[FeedItem]:
        statement = select(FeedItem).where(FeedItem.feed_id == feed_id)
        return list(self.get_all(statement))

    def page(
        self, feed_id: str, cursor: str | None, limit: int
    ) -> tuple[list[FeedItem], str | None]:
        return self.paginate(
            select(FeedItem).where(FeedItem.feed_id == feed_id),
            sort=FeedItem.published_at,
            tiebreak=FeedItem.id,
            cursor=cursor,
            limit=limit,
            descending=True,
        )

    def merge(self, task: FeedTask, items: Sequence[ItemData], keep: int) -> None:
        """New posts inserted, known ones (same id or link) refreshed, the oldest beyond
        ``keep`` deleted (pinned posts stay)."""
        known = self.session.execute(
            select(FeedItem.id, FeedItem.guid, FeedItem.link).where(FeedItem.feed_id == task.id)
        ).all()
        connection = self.session.connection()
        by_guid = {row.guid: row.id for row in known}
        by_link = {row.link: row.id for row in known if row.link}
        fresh: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        for item in items:
            found = by_guid.get(item.guid) or (by_link.get(item.link) if item.link else None)
            if found is not None:
                changed.append({"b_id": found, **item.changes()})
                continue
            fresh.append(item.row(task))
            by_guid[item.guid] = "new"
            if item.link:
                by_link[item.link] = "new"
        # Core executemany, one per kind: the ORM's bulk statements cost more than the database
        if changed:
            connection.execute(_CHANGE_ITEM, changed)
        if fresh:
            connection.execute(insert(FeedItem), fresh)
        if len(known) + len(fresh) <= keep:
            return  # nothing can be beyond the newest `keep`
        beyond = (
            select(FeedItem.id)
            .where(FeedItem.feed_id == task.id, FeedItem.pinned.is_(False))
            .order_by(FeedItem.published_at.desc(), FeedItem.id.desc())
            .offset(keep)
        )
        old = list(self.session.scalars(beyond))
        if old:
            self.execute(delete(FeedItem).where(FeedItem.id.in_(old)))


def forget_person(session: Session, person_id: str) -> None:
    """The privacy registry's eraser: a person's feeds and every item fetched from them."""
    FeedRepository.from_session(session).forget_person(person_id)


# A post still in the read model (the image proxy's check: withdrawn and erased people's posts
# are deleted from it), one primary-key read on the event loop.
ITEM_EXISTS = select(FeedItem.id).where(FeedItem.id == bindparam("item_id"))


def item_exists(app: Any, item_id: str) -> bool:
    return read_on_loop(app, ITEM_EXISTS, {"item_id": item_id}) is not None
