"""Counting for the API: the pure rules, plus the instance's limit for Mastodon."""

from __future__ import annotations

import asyncio
from functools import partial

from relais_editorial.counting.instances import InstanceLimits
from relais_editorial.counting.rules import TextLength, count
from relais_editorial.counting.schemas import TextLengthRequest

# A post-sized text is counted on the event loop (tens of microseconds, less than a thread hop);
# a long one (up to 100,000 characters: about 0.1 s) in a worker thread, so it never stalls the
# loop for everyone else's requests.
INLINE_MAX_CHARS = 4096


async def _count(platform: str, text: str, mastodon_limit: int | None = None) -> TextLength:
    if len(text) <= INLINE_MAX_CHARS:
        return count(platform, text, mastodon_limit=mastodon_limit)
    return await asyncio.to_thread(partial(count, platform, text, mastodon_limit=mastodon_limit))


async def text_length(body: TextLengthRequest, *, limits: InstanceLimits) -> TextLength:
    """``count`` of the text; for Mastodon with an ``instance``, against that instance's limit.
    An unknown platform is refused before any fetch."""
    if body.platform != "mastodon" or not body.instance:
        return await _count(body.platform, body.text)
    return await _count("mastodon", body.text, await limits.limit(body.instance))
