"""Moderation rules: admins hide or pin an item and keep the keyword blocklist.

Every change moves the moderation revision, which the render cache's fingerprint reads:
the outputs (and, within their Cache-Control, the caches) drop a hidden item at once.
"""

from __future__ import annotations

from relais_common.concurrency import check_if_match
from relais_common.errors import NotFound
from relais_common.pagination import Page
from relais_common.text import clean_text
from sqlalchemy.orm import Session

from relais_aggregator.feeds.models import FeedItem
from relais_aggregator.moderation.repository import REVISION, ModerationRepository
from relais_aggregator.moderation.schemas import Blocklist, ModeratedItem

BLOCKLIST = "planet-blocklist"


def blocklist(session: Session) -> tuple[Blocklist, int]:
    repository = ModerationRepository.from_session(session)
    return Blocklist(keywords=repository.keywords()), repository.revision()


def set_blocklist(
    session: Session, keywords: list[str], if_match: str | None
) -> tuple[Blocklist, int]:
    repository = ModerationRepository.from_session(session)
    check_if_match(if_match, BLOCKLIST, repository.revision(for_update=True))
    cleaned = sorted({clean_text(k).strip().casefold() for k in keywords} - {""})
    repository.replace_keywords(cleaned)
    return Blocklist(keywords=cleaned), repository.bump()


def item_state(item: FeedItem) -> int:
    """The item's moderation state as the version of its ETag."""
    return 1 + int(item.hidden_by_admin) + 2 * int(item.pinned)


def _read(item: FeedItem) -> ModeratedItem:
    return ModeratedItem.model_validate(item, from_attributes=True)


def items(session: Session, *, cursor: str | None, limit: int) -> Page[ModeratedItem]:
    rows, next_cursor = ModerationRepository.from_session(session).items_page(
        cursor=cursor, limit=limit
    )
    return Page(items=[_read(r) for r in rows], next_cursor=next_cursor)


def item(session: Session, item_id: str) -> FeedItem:
    found = ModerationRepository.from_session(session).get(item_id)
    if found is None:
        raise NotFound("There is no such item.")
    return found


def moderate(
    session: Session, item_id: str, *, hidden: bool, pinned: bool, if_match: str | None
) -> tuple[ModeratedItem, int]:
    found = item(session, item_id)
    check_if_match(if_match, found.id, item_state(found))
    repository = ModerationRepository.from_session(session)
    repository.set_flags(found.id, {"hidden_by_admin": hidden, "pinned": pinned})
    repository.bump()
    session.refresh(found)
    return _read(found), item_state(found)


__all__ = ["BLOCKLIST", "REVISION", "blocklist", "item", "items", "moderate", "set_blocklist"]
