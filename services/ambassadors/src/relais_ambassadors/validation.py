"""Input rules shared by several nouns: e-mails, slugs, language codes."""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii
from relais_common import text

SLUG_BASE_LENGTH = 120  # the column holds 140: room for a "-N" suffix
EMAIL_RE = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\"]+$")

ISO_639_1 = frozenset(
    [
        "aa",
        "ab",
        "ae",
        "af",
        "ak",
        "am",
        "an",
        "ar",
        "as",
        "av",
        "ay",
        "az",
        "ba",
        "be",
        "bg",
        "bi",
        "bm",
        "bn",
        "bo",
        "br",
        "bs",
        "ca",
        "ce",
        "ch",
        "co",
        "cr",
        "cs",
        "cu",
        "cv",
        "cy",
        "da",
        "de",
        "dv",
        "dz",
        "ee",
        "el",
        "en",
        "eo",
        "es",
        "et",
        "eu",
        "fa",
        "ff",
        "fi",
        "fj",
        "fo",
        "fr",
        "fy",
        "ga",
        "gd",
        "gl",
        "gn",
        "gu",
        "gv",
        "ha",
        "he",
        "hi",
        "ho",
        "hr",
        "ht",
        "hu",
        "hy",
        "hz",
        "ia",
        "id",
        "ie",
        "ig",
        "ii",
        "ik",
        "io",
        "is",
        "it",
        "iu",
        "ja",
        "jv",
        "ka",
        "kg",
        "ki",
        "kj",
        "kk",
        "kl",
        "km",
        "kn",
        "ko",
        "kr",
        "ks",
        "ku",
        "kv",
        "kw",
        "ky",
        "la",
        "lb",
        "lg",
        "li",
        "ln",
        "lo",
        "lt",
        "lu",
        "lv",
        "mg",
        "mh",
        "mi",
        "mk",
        "ml",
        "mn",
        "mr",
        "ms",
        "mt",
        "my",
        "na",
        "nb",
        "nd",
        "ne",
        "ng",
        "nl",
        "nn",
        "no",
        "nr",
        "nv",
        "ny",
        "oc",
        "oj",
        "om",
        "or",
        "os",
        "pa",
        "pi",
        "pl",
        "ps",
        "pt",
        "qu",
        "rm",
        "rn",
        "ro",
        "ru",
        "rw",
        "sa",
        "sc",
        "sd",
        "se",
        "sg",
        "si",
        "sk",
        "sl",
        "sm",
        "sn",
        "so",
        "sq",
        "sr",
        "ss",
        "st",
        "su",
        "sv",
        "sw",
        "ta",
        "te",
        "tg",
        "th",
        "ti",
        "tk",
        "tl",
        "tn",
        "to",
        "tr",
        "ts",
        "tt",
        "tw",
        "ty",
        "ug",
        "uk",
        "ur",
        "uz",
        "ve",
        "vi",
        "vo",
        "wa",
        "wo",
        "xh",
        "yi",
        "yo",
        "za",
        "zh",
        "zu",
    ]
)


def normalise_email(value: str) -> str:
    email = value.strip().lower()
    if len(email) > 254 or not EMAIL_RE.match(email):
        raise ValueError("Enter an e-mail address such as jane.doe@example.com.")
    return email


def slugify(name: str, *, fallback: str = "item") -> str:
    """A readable ASCII slug in any script: "Облако" is "oblako", "云安全" is "yun-an-quan".

    anyascii (ISC licence) transliterates; ideographs and Hangul syllables become one word
    each. ``fallback`` when nothing transliterates (symbols only).
    """
    words = "".join(_transliterated(char) for char in unicodedata.normalize("NFC", name))
    slug = re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")
    return slug[:SLUG_BASE_LENGTH].rstrip("-") or fallback


def _transliterated(char: str) -> str:
    if char.isascii():
        return char
    latin = anyascii(char)
    # a wide character spelled as a capitalised syllable ("Yun", "Bo") is a word of its own;
    # kana ("ku", "ra") join into words as they are read
    if unicodedata.east_asian_width(char) == "W" and latin[:1].isupper():
        return f" {latin} "
    return latin


def same_name(a: str, b: str) -> bool:
    """Whether two names differ only by case, accents, spaces or punctuation."""
    return _fold(a) == _fold(b) if _fold(a) else a.casefold() == b.casefold()


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def free_slug(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever is not taken."""
    if base not in taken:
        return base
    return next(f"{base}-{n}" for n in range(2, len(taken) + 3) if f"{base}-{n}" not in taken)


def clean_name(value: str, *, limit: int = 120) -> str:
    return text.clean_name(value, limit=limit)
