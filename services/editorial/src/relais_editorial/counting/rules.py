"""Per-platform length rules. First version: signature published, rules refined below."""

from __future__ import annotations

from dataclasses import dataclass

import regex
from relais_common.errors import InvalidInput

MASTODON_DEFAULT_LIMIT = 500
LIMITS: dict[str, int] = {
    "x": 280,
    "mastodon": MASTODON_DEFAULT_LIMIT,
    "bluesky": 300,
    "linkedin": 3000,
    "threads": 500,
    "instagram": 2200,
    "facebook": 63206,
}
PLATFORMS: tuple[str, ...] = tuple(LIMITS)
_GRAPHEME = regex.compile(r"\X")


@dataclass(frozen=True, slots=True)
class TextLength:
    """How a platform counts a text, and the most it accepts."""

    count: int
    limit: int

    @property
    def over(self) -> bool:
        return self.count > self.limit


class UnknownPlatform(InvalidInput):
    """A platform name counting does not know: a 422 on the ``platform`` field."""

    def __init__(self, platform: str, *, field: str = "platform") -> None:
        message = f"Unknown platform {platform[:40]!r}; use one of: {', '.join(PLATFORMS)}."
        super().__init__(message, errors=[{"field": field, "message": message}])
        self.platform = platform


def count(platform: str, text: str, *, mastodon_limit: int | None = None) -> TextLength:
    """Count ``text`` the way ``platform`` does; raise :class:`UnknownPlatform` otherwise."""
    if platform not in LIMITS:
        raise UnknownPlatform(platform)
    limit = LIMITS[platform]
    if platform == "mastodon" and mastodon_limit:
        limit = mastodon_limit
    return TextLength(count=len(_GRAPHEME.findall(text)), limit=limit)
