"""One normaliser for text people type: names, titles, bios.

NFC, so that two spellings of "é" are one name; bidirectional controls removed, because an
override (U+202E) makes "txt.exe" display as "exe.txt" and a name read backwards; other
control characters removed. A name must also show something: one made only of invisible
characters (zero-width space, Hangul fillers, the blank Braille pattern, ...) impersonates
"nobody" and is refused. Joiners stay inside text that has visible characters: emoji
sequences and Persian or Indic words need them.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f"  # Arabic letter mark, left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # isolates
)
# Characters that render as nothing but are letters or symbols to Unicode (so not Cf or Zs).
INVISIBLE_LETTERS = frozenset(
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers
    "\u2800"  # Braille pattern blank
    "\u17b4\u17b5"  # Khmer inherent vowels
    "\u034f"  # combining grapheme joiner
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


def clean_text(value: str, *, multiline: bool = False) -> str:
    """NFC, no bidi controls, no control characters (tabs and newlines kept when multiline)."""
    text = _BIDI.sub("", unicodedata.normalize("NFC", value))
    text = _CONTROLS.sub("", text)
    if not multiline:
        text = text.replace("\t", " ").replace("\n", " ")
    return text


def is_visible(char: str) -> bool:
    if char in INVISIBLE_LETTERS:
        return False
    category = unicodedata.category(char)
    # format (ZWSP, ZWJ, BOM, tags), separators, controls, unassigned, variation selectors
    return category[0] not in ("C", "Z") and not 0xFE00 <= ord(char) <= 0xFE0F


def has_visible_text(value: str) -> bool:
    return any(is_visible(c) for c in value)


def clean_name(value: str, *, limit: int = 120) -> str:
    """A one-line name: cleaned, spaces collapsed, refused when empty or invisible."""
    name = " ".join(clean_text(value).split())
    if not has_visible_text(name):
        raise ValueError("This cannot be empty (invisible characters do not count).")
    if len(name) > limit:
        raise ValueError(f"Use at most {limit} characters.")
    return name
