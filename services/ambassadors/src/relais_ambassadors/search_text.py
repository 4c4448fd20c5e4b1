"""Accent- and case-insensitive directory search: one normalised column, same rule for `q`.

"Léa", "LEA" and "lea" all become "lea"; "Élodie" becomes "elodie". The column is filled on
every write of a profile (ORM events in models.py), so SQLite and PostgreSQL compare the
same plain text with LIKE.
"""

from __future__ import annotations

import unicodedata
from typing import Protocol

SEARCHED_FIELDS = ("display_name", "job_title", "location", "bio")


def normalise(text: str) -> str:
    """Unaccented, casefolded, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(unicodedata.normalize("NFKC", bare).split())


class Searchable(Protocol):
    display_name: str
    job_title: str
    location: str
    bio: str


def search_text_of(person: Searchable) -> str:
    return "\n".join(normalise(getattr(person, name) or "") for name in SEARCHED_FIELDS)
