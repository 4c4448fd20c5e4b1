"""The checks: disclosure, link, hashtag count, language, near-duplicate siblings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

import regex

from relais_editorial.checklist.language import guess_language

Severity = Literal["error", "warning", "info"]
CHECKS: tuple[str, ...] = ("disclosure", "link", "hashtags", "language", "near_duplicate")
# Recommended most hashtags per post (platform guidance and common practice): X and Facebook
# read best with 1-2, LinkedIn suggests 3-5, Threads takes a single topic tag, Instagram
# accepts 30 (a hard limit) and suggests 3-5.
HASHTAG_MAX: dict[str, int] = {
    "x": 2,
    "mastodon": 5,
    "bluesky": 3,
    "linkedin": 5,
    "threads": 1,
    "instagram": 5,
    "facebook": 3,
}
INSTAGRAM_HARD_MAX = 30
# Two variants of one platform and language whose word 3-shingles overlap this much (Jaccard)
# are "nearly the same words": a copy with one word changed near an end stays near 0.8 (one
# word in the middle of ten drops it to 0.45), a reworded message falls under 0.1, and links
# are left out (a copy with another link is still a copy).
DUPLICATE_THRESHOLD = 0.6
SHINGLE = 3
CACHE_MAX_CHARS = 2000
_HASHTAG = regex.compile(r"(?<![\w#])#(\w+)")
_URL = regex.compile(r"https?://\S+", regex.IGNORECASE)
_WORD = regex.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class VariantInput:
    """What the checklist reads of a variant; ``key`` tells the variant apart in a sibling list."""

    platform: str
    language: str
    text: str
    link_url: str | None = None
    hashtags: Sequence[str] = field(default_factory=tuple)
    disclosure: str | None = None
    key: str | None = None


@dataclass(frozen=True, slots=True)
class CheckResult:
    check: str
    ok: bool
    severity: Severity
    message: str


def _squash(text: str) -> str:
    return " ".join(text.casefold().split())


def _tags(variant: VariantInput) -> list[str]:
    seen: dict[str, None] = {}
    for tag in [*(t.lstrip("#") for t in variant.hashtags), *_HASHTAG.findall(variant.text)]:
        if tag:
            seen.setdefault(tag.casefold(), None)
    return list(seen)


def _disclosure(v: VariantInput) -> CheckResult:
    if not v.disclosure or not v.disclosure.strip():
        return CheckResult("disclosure", True, "info", "This network requires no disclosure.")
    wanted = _squash(v.disclosure)
    tag = wanted.lstrip("#")
    present = wanted in _squash(v.text) or (" " not in tag and tag in _tags(v))
    if present:
        return CheckResult("disclosure", True, "info", "The disclosure is in the text.")
    return CheckResult(
        "disclosure", False, "error", f"Add the network's disclosure “{v.disclosure.strip()}”."
    )


def _link(v: VariantInput) -> CheckResult:
    if (v.link_url and v.link_url.strip()) or _URL.search(v.text):
        return CheckResult("link", True, "info", "The variant links to its content.")
    return CheckResult("link", False, "warning", "No link: add the content's URL.")


def _hashtags(v: VariantInput) -> CheckResult:
    count = len(_tags(v))
    most = HASHTAG_MAX.get(v.platform, 3)
    if v.platform == "instagram" and count > INSTAGRAM_HARD_MAX:
        message = f"{count} hashtags: Instagram refuses more than {INSTAGRAM_HARD_MAX}."
        return CheckResult("hashtags", False, "error", message)
    if count > most:
        message = f"{count} hashtags; at most {most} is recommended on this platform."
        return CheckResult("hashtags", False, "warning", message)
    return CheckResult("hashtags", True, "info", f"{count} hashtag(s), within {most}.")


def _language(v: VariantInput) -> CheckResult:
    guess = guess_language(v.text)
    if guess == "unknown":
        return CheckResult("language", True, "info", "The language could not be told apart.")
    if guess == v.language.casefold()[:2]:
        return CheckResult("language", True, "info", f"The text reads as {guess}.")
    message = f"The text reads as {guess}, the variant says {v.language}."
    return CheckResult("language", False, "warning", message)


def shingles(text: str, size: int = SHINGLE) -> frozenset[tuple[str, ...]]:
    """Word ``size``-grams, links left out (post-sized texts remembered: siblings compare
    each other, and reads check every variant of a grid)."""
    if len(text) <= CACHE_MAX_CHARS:
        return _shingles(text, size)
    return _shingles.__wrapped__(text, size)


@lru_cache(maxsize=1024)
def _shingles(text: str, size: int) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(_URL.sub(" ", text.casefold()))
    if len(words) < size:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def similarity(a: str, b: str) -> float:
    """Jaccard index of the two texts' word shingles (links left out), 0..1."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def _near_duplicate(v: VariantInput, siblings: Sequence[VariantInput]) -> CheckResult:
    for other in siblings:
        if other is v or (v.key is not None and other.key == v.key):
            continue
        if other.platform != v.platform or other.language.casefold() != v.language.casefold():
            continue
        score = similarity(v.text, other.text)
        if score >= DUPLICATE_THRESHOLD:
            message = (
                f"Nearly the same words as another {v.platform} variant in {v.language} "
                f"({round(score * 100)}% alike): vary the message."
            )
            return CheckResult("near_duplicate", False, "warning", message)
    return CheckResult("near_duplicate", True, "info", "Distinct from the other variants.")


def check_variant(
    variant: VariantInput, siblings: Sequence[VariantInput] = ()
) -> list[CheckResult]:
    """Every check of :data:`CHECKS` for ``variant``; ``siblings`` may include it (skipped)."""
    return [
        _disclosure(variant),
        _link(variant),
        _hashtags(variant),
        _language(variant),
        _near_duplicate(variant, siblings),
    ]
