"""A grid's rules as messages: the API refuses with them (grids/service.py), an import
reports them at their rows (transfer/checks.py), in the same words."""

from __future__ import annotations

from typing import Any

from relais_editorial.counting import TextLength, count
from relais_editorial.grids.reads import full_text


def dates_problem(release: Any, expires: Any) -> str | None:
    """The grid's dates rule (the API and imports both ask it)."""
    if release is not None and expires is not None and expires <= release:
        return "The expiry must come after the release."
    return None


def length_problem(
    platform: str, text: str, disclosure: str, mastodon_limit: int | None = None
) -> tuple[str, TextLength] | None:
    """The length rule: the text with the network's disclosure within the platform's limit
    (for Mastodon the network's instance's, when its settings name one)."""
    counted = count(platform, full_text(text, disclosure), mastodon_limit=mastodon_limit)
    if not counted.over:
        return None
    message = (
        f"Too long for {platform}: {counted.count} of {counted.limit} (the network's "
        "disclosure counts too)."
    )
    return message, counted
