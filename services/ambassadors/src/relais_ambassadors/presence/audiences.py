"""Where a theme's audience is: a small static table, by keyword of the theme's slug.

A first, documented guess (from the platforms' own audience studies and what our ambassadors
report), to be revised by the core team: each keyword gives platforms a weight from 1 (some
audience) to 3 (the main place). A theme matches a keyword when one word of its slug starts
with it ("cloud-security" matches "cloud" and "secur"); themes that match nothing count as
LinkedIn's (the professional default).
"""

from __future__ import annotations

from collections.abc import Iterable

AUDIENCES: dict[str, dict[str, int]] = {
    "secur": {"linkedin": 3, "mastodon": 3, "bluesky": 2, "x": 2},
    "cloud": {"linkedin": 3, "x": 2, "mastodon": 2, "youtube": 1},
    "data": {"linkedin": 3, "x": 2, "bluesky": 2, "github": 1},
    "ai": {"linkedin": 3, "x": 2, "bluesky": 2, "github": 1},
    "open": {"mastodon": 3, "github": 3, "bluesky": 2, "linkedin": 1},
    "recruit": {"linkedin": 3, "instagram": 2, "tiktok": 2},
    "talent": {"linkedin": 3, "instagram": 2, "tiktok": 1},
    "hiring": {"linkedin": 3, "instagram": 2, "tiktok": 1},
    "sustainab": {"linkedin": 3, "instagram": 2, "mastodon": 1},
    "green": {"linkedin": 3, "instagram": 2, "mastodon": 1},
    "customer": {"linkedin": 3, "youtube": 2, "x": 1},
    "divers": {"linkedin": 3, "instagram": 2, "bluesky": 1},
    "inclusion": {"linkedin": 3, "instagram": 2, "bluesky": 1},
    "design": {"instagram": 3, "linkedin": 2, "bluesky": 2},
    "product": {"linkedin": 3, "youtube": 2, "x": 1},
}
DEFAULT: dict[str, int] = {"linkedin": 2}


def audience_of(slug: str) -> dict[str, int]:
    """The platforms where this theme's audience is, with their weights."""
    words = slug.split("-")
    found: dict[str, int] = {}
    for keyword, weights in AUDIENCES.items():
        if any(word.startswith(keyword) for word in words):
            for platform, weight in weights.items():
                found[platform] = max(found.get(platform, 0), weight)
    return found or dict(DEFAULT)


def audiences(theme_slugs: Iterable[str]) -> dict[str, dict[str, int]]:
    """platform -> {theme slug: weight}, over every theme."""
    table: dict[str, dict[str, int]] = {}
    for slug in theme_slugs:
        for platform, weight in audience_of(slug).items():
            table.setdefault(platform, {})[slug] = weight
    return table
