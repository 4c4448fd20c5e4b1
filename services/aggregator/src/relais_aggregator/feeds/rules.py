"""Pure rules of the fetcher: when to come back, what an answer means, which posts show.

No database and no network here, so each rule is tested as a function.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from statistics import median
from typing import Any

# Dates before this are treated as missing (epoch zero, 1900 defaults...).
EARLIEST_PLAUSIBLE = datetime(1995, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Polling:
    min_interval: int
    max_interval: int
    max_backoff: int


def adaptive_interval(published: Sequence[datetime], polling: Polling) -> int:
    """Poll about as often as the feed publishes: the median gap between its recent posts,
    within the bounds (a feed that posts hourly is read every hour at most, a quiet one daily)."""
    dates = sorted(published, reverse=True)[:20]
    if len(dates) < 2:
        return polling.max_interval
    gaps = [(a - b).total_seconds() for a, b in itertools.pairwise(dates)]
    gap = median(gaps)
    return int(min(polling.max_interval, max(polling.min_interval, gap)))


def backoff_seconds(
    failures: int, polling: Polling, retry_after: float | None, rng: random.Random | None = None
) -> int:
    """Exponential from the minimum interval, with ±20 % jitter so failing feeds do not come
    back in step; never sooner than the site's Retry-After, never later than the cap."""
    rng = rng or random.Random()  # noqa: S311 - jitter, not a secret
    exponent = min(max(failures - 1, 0), 20)
    delay = polling.min_interval * (2**exponent) * rng.uniform(0.8, 1.2)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return int(min(delay, polling.max_backoff))


def clamp_published(value: datetime | None, now: datetime) -> datetime:
    """Missing or absurd dates become the first-seen time; future dates become now."""
    if value is None or value < EARLIEST_PLAUSIBLE:
        return now
    return min(value, now)


def http_error_in_words(status: int) -> str:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "an unknown status"
    if status == 410:
        return "the site says the feed is gone for good (410 Gone): Relais stopped reading it"
    if status == 429:
        return "the site asks Relais to slow down (429 Too Many Requests)"
    if status in (401, 403):
        return f"the site refuses access to the feed ({status} {phrase})"
    if status == 404:
        return "the site has no feed at this address (404 Not Found)"
    if status >= 500:
        return f"the site failed to answer ({status} {phrase})"
    return f"the site answered {status} {phrase}"


def normalise_filters(raw: dict[str, Any]) -> dict[str, list[str]]:
    def terms(key: str) -> list[str]:
        values = raw.get(key) or []
        return list(dict.fromkeys(str(v).strip().lower() for v in values if str(v).strip()))

    return {"categories": terms("categories"), "keywords": terms("keywords")}


def matches(filters: dict[str, Any], *, title: str, text: str, categories: Iterable[str]) -> bool:
    """The owner's choice of what reaches the company page: nothing chosen means everything;
    otherwise a post with one of the categories, or one of the keywords in its title or text."""
    wanted = normalise_filters(filters)
    if not wanted["categories"] and not wanted["keywords"]:
        return True
    if {c.strip().lower() for c in categories} & set(wanted["categories"]):
        return True
    haystack = f"{title}\n{text}".lower()
    return any(keyword in haystack for keyword in wanted["keywords"])


def next_attempt(now: datetime, seconds: int) -> datetime:
    return now + timedelta(seconds=seconds)
