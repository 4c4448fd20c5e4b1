"""POST /text-length: how a platform will count a text (integrations and the SPA)."""

from __future__ import annotations

from relais_common.routing import api_router

from relais_editorial.counting import service
from relais_editorial.counting.dependencies import Limits
from relais_editorial.counting.schemas import TextLengthRead, TextLengthRequest

router = api_router("counting")


@router.post("/text-length", response_model=TextLengthRead, name="text_length")
async def text_length(body: TextLengthRequest, limits: Limits) -> TextLengthRead:
    # async: pure CPU for a few microseconds (a thread hop would cost more), and the Mastodon
    # instance's limit is fetched on the event loop without holding anything
    counted = await service.text_length(body, limits=limits)
    return TextLengthRead(count=counted.count, limit=counted.limit)
