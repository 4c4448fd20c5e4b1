"""Exact platform counting: how each network will count a text (issue 8).

``count(platform, text)`` is pure (no I/O): the Mastodon instance limit, when known, is
passed in by the caller (see :mod:`relais_editorial.counting.instances`).
"""

from relais_editorial.counting.rules import (
    LIMITS,
    PLATFORMS,
    TextLength,
    UnknownPlatform,
    count,
)

__all__ = ["LIMITS", "PLATFORMS", "TextLength", "UnknownPlatform", "count"]
