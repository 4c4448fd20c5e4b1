"""X's weighted length, as twitter-text's ``parseTweet`` computes it with config v3.

NFC first; every URL (with or without scheme, see :mod:`.urls`) weighs 23; an emoji weighs
2 as one unit however many code points it has (ZWJ sequences, skin tones, flags, keycaps,
tag sequences); any other code point weighs 1 in the ranges below, else 2.

Emoji: twitter-text v3 matches emoji with twemoji's regular expression. Relais takes a grapheme
cluster as one emoji when it starts with a regional indicator, is a keycap, or starts with an
``Extended_Pictographic`` character that has emoji presentation, a VS16, a skin tone or a ZWJ.
Deviation: ``©``/``®`` without VS16 weigh 1 (they are text, as in twemoji); a non-RGI ZWJ
sequence still counts as one emoji (twemoji may split it).
"""

from __future__ import annotations

import unicodedata

import regex

from relais_editorial.counting.urls import url_spans

SCALE = 100
DEFAULT_WEIGHT = 200
URL_WEIGHT = 23 * SCALE
# config v3 "ranges" (inclusive), weight 100
LIGHT_RANGES: tuple[tuple[int, int], ...] = (
    (0x0000, 0x10FF),
    (0x2000, 0x200D),
    (0x2010, 0x201F),
    (0x2032, 0x2037),
)
_HEAVY = regex.compile("[^\x00-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")
# Where an emoji cluster may start: such a character always begins a grapheme cluster (a skin
# tone after a letter is the exception, and weighs 2 either way), unless a Prepend character
# glues it to the one before. Matching \X from there gives the cluster Intl.Segmenter gives.
_CANDIDATE = regex.compile(
    r"(?<!\p{GCB=Prepend})"
    r"(?=[#*0-9][\ufe0f\u20e3]|[\p{Regional_Indicator}\p{Extended_Pictographic}\p{Emoji_Presentation}])"
    r"\X"
)
_EMOJI = regex.compile(
    r"\p{Regional_Indicator}"
    r"|[#*0-9]\ufe0f?\u20e3"
    r"|\p{Emoji_Presentation}"
    r"|\p{Extended_Pictographic}(?=.*[\ufe0f\u200d\U0001f3fb-\U0001f3ff])",
    regex.DOTALL,
)


def _code_point_weight(ch: str) -> int:
    cp = ord(ch)
    for low, high in LIGHT_RANGES:
        if low <= cp <= high:
            return SCALE
    return DEFAULT_WEIGHT


def _text_weight(text: str) -> int:
    """Every code point by its range; then each emoji cluster weighs 2 instead of its parts."""
    total = len(text) * SCALE
    if text.isascii():
        return total
    total += len(_HEAVY.findall(text)) * (DEFAULT_WEIGHT - SCALE)
    for match in _CANDIDATE.finditer(text):
        cluster = match.group()
        if _EMOJI.match(cluster):
            total += DEFAULT_WEIGHT - sum(_code_point_weight(ch) for ch in cluster)
    return total


def weighted_length(text: str) -> int:
    """The ``weightedLength`` twitter-text v3 reports for ``text``."""
    text = unicodedata.normalize("NFC", text)
    total = 0
    position = 0
    for start, end in url_spans(text):
        total += _text_weight(text[position:start]) + URL_WEIGHT
        position = end
    total += _text_weight(text[position:])
    return total // SCALE
