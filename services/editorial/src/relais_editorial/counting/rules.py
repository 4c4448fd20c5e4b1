"""How each platform counts a text: one pure function per rule, no I/O.

Units, chosen from each platform's documented rule (the SPA's ``counting.ts`` matches):

- ``x``: twitter-text v3 weighted length (see :mod:`.x`), limit 280.
- ``mastodon``: the server's ``StatusLengthValidator``: every URL with a scheme counts 23,
  a mention ``@user@domain`` counts as ``@user``, the rest in grapheme clusters; limit from
  the instance (``configuration.statuses.max_characters``), else 500.
- ``bluesky``: 300 grapheme clusters (the app and the lexicon's ``maxGraphemes``). The raw
  text is counted: the official app may shorten long links in the post it sends.
- ``threads``: 500, counted in grapheme clusters like Bluesky.
- ``linkedin`` (3000), ``instagram`` (2200), ``facebook`` (63206): UTF-16 code units, what
  their web composers measure (JavaScript's ``length``). It is the strictest reading of
  "characters" (never fewer than code points or graphemes), so a text Relais accepts is never
  refused for length there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex
from relais_common.errors import InvalidInput

from relais_editorial.counting.urls import url_spans
from relais_editorial.counting.x import weighted_length

MASTODON_DEFAULT_LIMIT = 500
URL_LENGTH = 23
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
# Mastodon's Account::MENTION_RE, and twitter-text's end_mention_match (what may not follow).
_WORD = r"[\p{L}\p{M}\p{Nd}\p{Pc}]"  # Ruby's [[:word:]], spelled out so counting.ts says the same
_MENTION = regex.compile(
    f"(?<![=/{_WORD[1:-1]}])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)((?:@{_WORD}+(?:[.-]+{_WORD}+)*)?)",
    regex.IGNORECASE,
)
_MENTION_END = regex.compile(r"[@\uff20\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f]|://")


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


# Segmenting is costly in Python (about 0.5 µs a character with \X), and most of a text is
# ASCII, where every character is a cluster of its own but CR LF. Only the non-ASCII runs are
# segmented, each with the printable character before it (a base for combining marks) and
# the one after a Prepend character (which it holds); between two segments the text is ASCII.
_NON_ASCII = regex.compile(r"[\x20-\x7e]?(?:[^\x00-\x7f]+(?:(?<=\p{GCB=Prepend})[\x20-\x7e])?)+")


def graphemes(text: str) -> int:
    """Extended grapheme clusters (UAX #29), as ``Intl.Segmenter`` counts them."""
    clusters = len(text) - text.count("\r\n")
    if text.isascii():
        return clusters
    for segment in _NON_ASCII.findall(text):
        clusters += len(_GRAPHEME.findall(segment)) - len(segment)
    return clusters


def utf16_units(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def mastodon_length(text: str) -> int:
    """Mastodon's ``StatusLengthValidator#countable_text``, counted in grapheme clusters."""
    entities: list[tuple[int, int, str]] = [
        (start, end, "x" * URL_LENGTH) for start, end in url_spans(text, without_protocol=False)
    ]
    if "@" in text:
        for match in _MENTION.finditer(text):
            if not _MENTION_END.match(text, match.end()):
                entities.append((match.start(), match.end(), "@" + match.group(1)))
    entities.sort(key=lambda e: e[0])
    parts: list[str] = []
    position = 0
    for start, end, replacement in entities:
        if start < position:  # overlapping entity: the earlier one wins
            continue
        parts += [text[position:start], replacement]
        position = end
    parts.append(text[position:])
    return graphemes("".join(parts))


_RULES: dict[str, Callable[[str], int]] = {
    "x": weighted_length,
    "mastodon": mastodon_length,
    "bluesky": graphemes,
    "threads": graphemes,
    "linkedin": utf16_units,
    "instagram": utf16_units,
    "facebook": utf16_units,
}


# Grid and calendar reads count the same variants again and again: the rules are pure, so the
# counts of post-sized texts are remembered (at most 2,048 texts of 2,000 characters: < 20 MB).
CACHE_MAX_CHARS = 2000


@lru_cache(maxsize=2048)
def _cached(platform: str, text: str) -> int:
    return _RULES[platform](text)


def count(platform: str, text: str, *, mastodon_limit: int | None = None) -> TextLength:
    """Count ``text`` the way ``platform`` does; raise :class:`UnknownPlatform` otherwise.

    ``mastodon_limit`` is the instance's own limit when known (ignored for other platforms).
    """
    rule = _RULES.get(platform)
    if rule is None:
        raise UnknownPlatform(platform)
    limit = LIMITS[platform]
    if platform == "mastodon" and mastodon_limit and mastodon_limit > 0:
        limit = mastodon_limit
    counted = _cached(platform, text) if len(text) <= CACHE_MAX_CHARS else rule(text)
    return TextLength(count=counted, limit=limit)
