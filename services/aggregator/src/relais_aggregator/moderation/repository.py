"""All SQL of moderation: the blocklist, the revision, and the admins' columns of an item."""

from __future__ import annotations

from typing import Any

from relais_common.db import utcnow
from relais_common.repository import RepositoryBase
from sqlalchemy import delete, insert, select, update

from relais_aggregator.feeds.models import FeedItem
from relais_aggregator.moderation.models import BlockedKeyword, ModerationRevision

REVISION = "planet"


class ModerationRepository(RepositoryBase[FeedItem]):
    model = FeedItem

    def revision(self, *, for_update: bool = False) -> int:
        statement = select(ModerationRevision.version).where(ModerationRevision.id == REVISION)
        if for_update:
            statement = statement.with_for_update()
        return int(self.session.scalar(statement) or 0)

    def bump(self) -> int:
        """One more moderation change: every replica re-renders at its next tick."""
        current = self.revision(for_update=True)
        if current == 0 and self.session.get(ModerationRevision, REVISION) is None:
            self.execute(
                insert(ModerationRevision).values(id=REVISION, version=1, changed_at=utcnow())
            )
            return 1
        self.execute(
            update(ModerationRevision)
            .where(ModerationRevision.id == REVISION)
            .values(version=current + 1, changed_at=utcnow())
        )
        return current + 1

    def keywords(self) -> list[str]:
        return list(self.session.scalars(select(BlockedKeyword.id).order_by(BlockedKeyword.id)))

    def replace_keywords(self, keywords: list[str]) -> None:
        self.execute(delete(BlockedKeyword))
        if keywords:
            now = utcnow()
            self.execute(insert(BlockedKeyword), [{"id": k, "created_at": now} for k in keywords])

    def items_page(self, *, cursor: str | None, limit: int) -> tuple[list[FeedItem], str | None]:
        return self.paginate(
            self.get_base_statement(),
            sort=FeedItem.published_at,
            tiebreak=FeedItem.id,
            cursor=cursor,
            limit=limit,
            descending=True,
        )

    def set_flags(self, item_id: str, values: dict[str, Any]) -> None:
        self.execute(update(FeedItem).where(FeedItem.id == item_id).values(**values))
