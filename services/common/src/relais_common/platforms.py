"""The platforms Relais knows and how people call them: the one list of labels.

The ambassadors service validates accounts for these ids and serves the labels at
``GET /platforms``; the aggregator's public page shows them; the SPA keeps a copy for the
moment before ``GET /platforms`` answers, and a test checks that copy equals this one.
"""

from __future__ import annotations

PLATFORM_LABELS: dict[str, str] = {
    "linkedin": "LinkedIn",
    "x": "X (Twitter)",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "threads": "Threads",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "github": "GitHub",
    "blog": "Blog",
}
# Former ids that may still arrive in old events or links.
ALIASES: dict[str, str] = {"twitter": "x"}


def platform_label(platform: str) -> str:
    """“tiktok” → “TikTok”; an id nobody registered keeps its own spelling, capitalised."""
    key = platform.lower()
    key = ALIASES.get(key, key)
    return PLATFORM_LABELS.get(key) or platform[:1].upper() + platform[1:]


def all_labels() -> dict[str, str]:
    """Every id the label lookup knows, aliases included (what the SPA's copy must equal)."""
    return PLATFORM_LABELS | {alias: PLATFORM_LABELS[key] for alias, key in ALIASES.items()}
