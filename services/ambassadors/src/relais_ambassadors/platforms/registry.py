"""The platforms Relais knows, and :func:`normalise`, the one entry point for accounts."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial

from relais_common.errors import field_error
from relais_common.outgoing import FetchSlots
from relais_common.platforms import PLATFORM_LABELS as LABELS
from relais_common.ssrf import SSRFGuard

from relais_ambassadors.platforms import federated, simple, social, youtube
from relais_ambassadors.platforms.blog import normalise_blog, with_blog_feed
from relais_ambassadors.platforms.discovery import FETCH_TIMEOUT
from relais_ambassadors.platforms.model import NormalisedAccount, PlatformInfo

Normaliser = Callable[[str], NormalisedAccount]

PLATFORMS: dict[str, PlatformInfo] = {
    info.id: info
    for info in (
        PlatformInfo(
            "linkedin", LABELS["linkedin"], "https://www.linkedin.com/in/your-name", False
        ),
        PlatformInfo("x", LABELS["x"], "@name", False),
        PlatformInfo("mastodon", LABELS["mastodon"], "@name@instance.social", True),
        PlatformInfo("bluesky", LABELS["bluesky"], "name.bsky.social", True),
        PlatformInfo("threads", LABELS["threads"], "@name", False),
        PlatformInfo("instagram", LABELS["instagram"], "@name", False),
        PlatformInfo("facebook", LABELS["facebook"], "https://www.facebook.com/your.name", False),
        PlatformInfo("youtube", LABELS["youtube"], "https://www.youtube.com/@name", True),
        PlatformInfo("tiktok", LABELS["tiktok"], "@name", False),
        PlatformInfo("github", LABELS["github"], "name", True),
        PlatformInfo("blog", LABELS["blog"], "https://example.com/blog", True),
    )
}

_SOCIAL: dict[str, Normaliser] = {
    "linkedin": social.normalise_linkedin,
    "x": partial(simple.normalise_handle, simple.X),
    "mastodon": federated.normalise_mastodon,
    "bluesky": federated.normalise_bluesky,
    "threads": partial(simple.normalise_handle, simple.THREADS),
    "instagram": partial(simple.normalise_handle, simple.INSTAGRAM),
    "facebook": social.normalise_facebook,
    "youtube": youtube.normalise_youtube,
    "tiktok": partial(simple.normalise_handle, simple.TIKTOK),
    "github": partial(simple.normalise_handle, simple.GITHUB),
}


def normalise(
    platform: str, value: str, *, guard: SSRFGuard, discover: bool = False
) -> NormalisedAccount:
    """The canonical account for what a person pasted, or :class:`InvalidHandle` saying why.

    A pure function of the input, with the blog's feed left out; ``discover=True`` runs
    :func:`with_feed` to completion, for scripts and tests (requests await it instead).
    """
    if platform == "blog":
        account = normalise_blog(value, guard=guard)
        if discover:
            slots = FetchSlots(1, FETCH_TIMEOUT, guard)
            return asyncio.run(with_feed(account, slots=slots))
        return account
    rule = _SOCIAL.get(platform)
    if rule is None:
        known = ", ".join(PLATFORMS)
        raise field_error("platform", f"Unknown platform “{platform}”; choose one of: {known}.")
    return rule(value)


async def with_feed(account: NormalisedAccount, *, slots: FetchSlots) -> NormalisedAccount:
    """The account with its feed discovered, for a blog (the only platform that fetches)."""
    if account.platform != "blog":
        return account
    return await with_blog_feed(account, slots=slots)
