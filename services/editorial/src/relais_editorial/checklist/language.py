"""A small French/English guess from stop words: fast, no dependency, honest when unsure.

Measured on the vectors in ``tests/checklist``: a message of one or two sentences carries
several of the most frequent function words of its language. The guess is the language with
at least :data:`MIN_HITS` stop words and at least :data:`MIN_RATIO` times the other's hits;
otherwise ``"unknown"`` (short texts, hashtag lists, other languages).
"""

from __future__ import annotations

from typing import Literal

import regex

Language = Literal["fr", "en", "unknown"]
MIN_HITS = 2
MIN_RATIO = 2.0
_STOP_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        """
        le la les un une des du de d l au aux et ou mais donc car ni que qui quoi dont où ce
        cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs je tu il
        elle nous vous ils elles on ne pas plus est sont être avoir a ont été fait pour par
        avec sans sur sous dans chez entre vers comme aussi très tout tous toute toutes
        c qu j n s y en nouveau nouvelle découvrez notre
        """.split()  # noqa: SIM905
    ),
    "en": frozenset(
        """
        the a an and or but so of to in on at by for with from about into over is are was
        were be been being have has had do does did this that these those it its we you they
        he she i my our your their his her not no more all any can will would should could
        just new our how what why when who which here there read check out learn
        """.split()  # noqa: SIM905
    ),
}
_NOISE = regex.compile(r"https?://\S+|[@#][\w.@-]+", regex.IGNORECASE)
_WORD = regex.compile(r"\p{L}+(?:['\u2019]\p{L}+)?")


def _words(text: str) -> list[str]:
    words: list[str] = []
    for word in _WORD.findall(_NOISE.sub(" ", text.casefold())):
        # French elision: "l'équipe" -> "l", "équipe"
        head, _, tail = word.replace("\u2019", "'").partition("'")
        words.extend(w for w in (head, tail) if w)
    return words


def guess_language(text: str) -> Language:
    """``"fr"``, ``"en"`` or ``"unknown"`` for a short social media text."""
    words = _words(text)
    hits = {lang: sum(1 for w in words if w in stops) for lang, stops in _STOP_WORDS.items()}
    fr, en = hits["fr"], hits["en"]
    if fr >= MIN_HITS and fr >= MIN_RATIO * en:
        return "fr"
    if en >= MIN_HITS and en >= MIN_RATIO * fr:
        return "en"
    return "unknown"
