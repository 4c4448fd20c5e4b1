"""The calendar's rules for an entry, as (field, message) pairs: one place for every writer.

The API refuses with the first broken rule (calendars/service.py); an import reports each
one at its row (transfer/checks.py). Both read these, so the words are the same.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from relais_editorial.networks.models import NetworkView

Problem = tuple[str, str]


def entry_problems(
    network: NetworkView, values: Mapping[str, Any], is_member: Callable[[str], bool]
) -> list[Problem]:
    """Dates in order, a theme of the network, an owner among its members."""
    problems: list[Problem] = []
    ends: datetime = values["ends_at"]
    if ends < values["starts_at"]:
        problems.append(("ends_at", "The end cannot come before the start."))
    theme = values.get("theme_slug")
    if theme is not None and theme not in (network.theme_slugs or []):
        themes = ", ".join(network.theme_slugs or []) or "none"
        problems.append(("theme_slug", f"Pick one of the network's themes ({themes})."))
    owner = values.get("owner_id")
    if owner is not None and not is_member(owner):
        problems.append(("owner_id", "The owner must be a member of this network."))
    return problems
