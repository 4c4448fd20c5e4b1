"""What a fetch's outcome means for the feed: pure, so it runs between the fetch and the write.

304 or an unchanged body (same SHA-256) is a success with nothing to parse; 200 is parsed,
sanitised and filtered; 301/308 moves the stored URL (and says so in the feed's health);
410 retires the feed; anything else backs off exponentially, no sooner than Retry-After.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from relais_aggregator.feeds import sanitize
from relais_aggregator.feeds.fetcher import FetchOutcome
from relais_aggregator.feeds.models import FEED_ACTIVE, FEED_FAILING, FEED_RETIRED
from relais_aggregator.feeds.parse import FeedUnreadable, ParsedItem, parse_feed
from relais_aggregator.feeds.rules import (
    Polling,
    adaptive_interval,
    backoff_seconds,
    clamp_published,
    http_error_in_words,
    matches,
    next_attempt,
)
from relais_aggregator.feeds.work import FeedTask, FeedUpdate, ItemData


@dataclass(frozen=True)
class RefreshPolicy:
    polling: Polling
    max_items: int
    image_url: sanitize.ImageURL | None = None


def outcome_to_update(
    task: FeedTask, outcome: FetchOutcome, *, owner: str, now: datetime, policy: RefreshPolicy
) -> FeedUpdate:
    update = FeedUpdate(task=task, owner=owner, values={}, max_items=policy.max_items)
    if outcome.error is not None:
        return _failed(update, outcome.error, None, None, now, policy)
    status = outcome.status or 0
    if status == 410:
        update.values = {
            "status": FEED_RETIRED,
            "http_status": 410,
            "last_error": http_error_in_words(410),
            "last_error_at": now,
            "next_attempt_at": next_attempt(now, policy.polling.max_backoff),
        }
        return update
    if status not in (200, 304):
        return _failed(
            update, http_error_in_words(status), status, outcome.retry_after, now, policy
        )
    values: dict[str, Any] = {"interval_seconds": task.interval_seconds}
    if status == 200 and outcome.body is not None:
        digest = hashlib.sha256(outcome.body).hexdigest()
        if digest != task.body_hash:
            try:
                parsed = parse_feed(outcome.body, outcome.content_type)
            except FeedUnreadable as exc:
                return _failed(update, str(exc), status, None, now, policy)
            base = parsed.site_url or outcome.url
            update.items = _items(parsed.items, task, base, now, policy)
            values["interval_seconds"] = adaptive_interval(
                [i.published_at for i in update.items], policy.polling
            )
        values.update(body_hash=digest, etag=outcome.etag, last_modified=outcome.last_modified)
    if outcome.moved_to and outcome.moved_to != task.url:
        values.update(url=outcome.moved_to, redirected_from=task.url, redirected_at=now)
    values.update(
        status=FEED_ACTIVE,
        http_status=status,
        last_success_at=now,
        failures=0,
        next_attempt_at=next_attempt(now, values["interval_seconds"]),
    )
    update.values = values
    return update


def unreadable(task: FeedTask, *, owner: str, now: datetime, policy: RefreshPolicy) -> FeedUpdate:
    """A feed whose answer broke the reading itself: a failure like any other, backing off."""
    update = FeedUpdate(task=task, owner=owner, values={}, max_items=policy.max_items)
    return _failed(update, "the feed could not be read", None, None, now, policy)


def _failed(
    update: FeedUpdate,
    words: str,
    status: int | None,
    retry_after: float | None,
    now: datetime,
    policy: RefreshPolicy,
) -> FeedUpdate:
    failures = update.task.failures + 1
    update.values = {
        "status": FEED_FAILING,
        "http_status": status,
        "failures": failures,
        "last_error": words,
        "last_error_at": now,
        "next_attempt_at": next_attempt(
            now, backoff_seconds(failures, policy.polling, retry_after)
        ),
    }
    return update


def _items(
    parsed: list[ParsedItem], task: FeedTask, base: str, now: datetime, policy: RefreshPolicy
) -> list[ItemData]:
    """Sanitised posts, one per id and per link, the newest ``max_items``."""
    seen_guids: set[str] = set()
    seen_links: set[str] = set()
    kept: list[ItemData] = []
    for item in parsed:
        link = _absolute_link(item.link, base)
        if item.guid in seen_guids or (link and link in seen_links):
            continue
        seen_guids.add(item.guid)
        if link:
            seen_links.add(link)
        item_base = item.base or link or base
        title = sanitize.plain(item.title)[:500]
        summary = sanitize.summary(item.summary_html, base=item_base, image_url=policy.image_url)
        kept.append(
            ItemData(
                guid=item.guid,
                link=link,
                title=title,
                summary_html=summary,
                content_html=sanitize.content(
                    item.content_html or "", base=item_base, image_url=policy.image_url
                ),
                published_at=clamp_published(item.published_at, now),
                first_seen_at=now,
                categories=item.categories,
                matches_filters=_matches(task, title, summary, item.categories),
            )
        )
    kept.sort(key=lambda i: i.published_at, reverse=True)
    return kept[: policy.max_items]


def _matches(task: FeedTask, title: str, summary: str, categories: list[str]) -> bool:
    if not any(task.filters.get(key) for key in ("categories", "keywords")):
        return True  # no filter: skip turning the summary into text
    return matches(task.filters, title=title, text=sanitize.plain(summary), categories=categories)


def _absolute_link(link: str | None, base: str) -> str | None:
    """An http(s) link, resolved against the feed's base; anything else (javascript:, a link
    that is no URL such as ``http://[x/``) dropped."""
    if not link:
        return None
    resolved = sanitize.absolute(link, base)
    try:
        web = urlsplit(resolved).scheme in ("http", "https")
    except ValueError:
        return None
    return resolved[:2000] if web else None
