"""Counting for the API: the pure rules, plus the instance's limit for Mastodon."""

from __future__ import annotations

from relais_editorial.counting.instances import InstanceLimits
from relais_editorial.counting.rules import TextLength, count
from relais_editorial.counting.schemas import TextLengthRequest


async def text_length(body: TextLengthRequest, *, limits: InstanceLimits) -> TextLength:
    """``count`` of the text; for Mastodon with an ``instance``, against that instance's limit.
    An unknown platform is refused before any fetch."""
    counted = count(body.platform, body.text)
    if body.platform != "mastodon" or not body.instance:
        return counted
    return count("mastodon", body.text, mastodon_limit=await limits.limit(body.instance))
