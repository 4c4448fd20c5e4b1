"""The pre-share checklist of a message variant (issue 8): pure rules, no I/O.

``check_variant(variant, siblings)`` answers one :class:`CheckResult` per check, in a stable
order: ``disclosure``, ``link``, ``hashtags``, ``language``, ``near_duplicate``.
"""

from relais_editorial.checklist.language import guess_language
from relais_editorial.checklist.rules import (
    CHECKS,
    DUPLICATE_THRESHOLD,
    HASHTAG_MAX,
    CheckResult,
    Severity,
    VariantInput,
    check_variant,
)

__all__ = [
    "CHECKS",
    "DUPLICATE_THRESHOLD",
    "HASHTAG_MAX",
    "CheckResult",
    "Severity",
    "VariantInput",
    "check_variant",
    "guess_language",
]
