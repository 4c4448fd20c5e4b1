"""This service's routers: signed-in by default, public or internal only when declared.

Each router documents its problem+json answers, refuses NUL bytes, refuses erased sessions and
keeps suspended people to their own data (relais_common.routing does the first three).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends
from relais_common import routing

from relais_ambassadors.people import refuse_erased_or_suspended


def api_router(tag: str, *, public: bool = False) -> APIRouter:
    """Routes need a signed-in person unless declared public: ``public=True`` for the whole
    router, ``dependencies=[Public]`` on one route (relais_common.routing.Public)."""
    return routing.api_router(
        tag, public=public, dependencies=[Depends(refuse_erased_or_suspended)]
    )


def internal_router(tag: str) -> APIRouter:
    """For other Relais services only."""
    return routing.internal_router(tag)
