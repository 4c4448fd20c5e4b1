"""POST /text-length: how a platform will count a text (integrations and the SPA)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from relais_common.routing import api_router

from relais_editorial.counting import service
from relais_editorial.counting.instances import InstanceLimits
from relais_editorial.counting.schemas import TextLengthRead, TextLengthRequest

router = api_router("counting")


async def instance_limits(request: Request) -> InstanceLimits:
    """One cache per app, made on first use with the app's SSRF guard."""
    state = request.app.state
    if not hasattr(state, "instance_limits"):
        state.instance_limits = InstanceLimits(state.fetch_slots.guard)
    limits: InstanceLimits = state.instance_limits
    return limits


Limits = Annotated[InstanceLimits, Depends(instance_limits)]


@router.post("/text-length", response_model=TextLengthRead, name="text_length")
async def text_length(body: TextLengthRequest, limits: Limits) -> TextLengthRead:
    # async: pure CPU for a few microseconds (a thread hop would cost more), and the Mastodon
    # instance's limit is fetched on the event loop without holding anything
    counted = await service.text_length(body, limits=limits)
    return TextLengthRead(count=counted.count, limit=counted.limit)
