"""The app's one cache of Mastodon instance limits, as a dependency (text-length, settings)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from relais_editorial.counting.instances import InstanceLimits


async def instance_limits(request: Request) -> InstanceLimits:
    """One cache per app, made on first use with the app's SSRF guard."""
    state = request.app.state
    if not hasattr(state, "instance_limits"):
        state.instance_limits = InstanceLimits(state.fetch_slots.guard)
    limits: InstanceLimits = state.instance_limits
    return limits


Limits = Annotated[InstanceLimits, Depends(instance_limits)]
