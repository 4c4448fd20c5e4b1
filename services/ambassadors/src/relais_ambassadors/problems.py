"""This service's routers: signed-in by default, public or internal only when declared.

Each route documents its problem+json answers, refuses NUL bytes and erased sessions, and
refuses suspended people unless it serves the person's own data (declared, never guessed
from the path): ``api_router(tag, own_data=True)`` for a whole router, or
``dependencies=[OwnData]`` on one route.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from fastapi import APIRouter, Depends, params
from relais_common import routing

from relais_ambassadors.people import refuse_erased, refuse_erased_or_suspended


async def own_data() -> None:
    """Marks a route as the person's own data: a suspended person keeps it."""


OwnData = Depends(own_data)


class AmbassadorsRouter(routing.GuardedRouter):
    """Adds the standing check each route needs: erased always, suspended unless OwnData."""

    own_data = False

    def add_api_route(
        self,
        path: str,
        endpoint: Callable[..., Any],
        *,
        dependencies: Sequence[params.Depends] | None = None,
        **kwargs: Any,
    ) -> None:
        guards = list(dependencies or [])
        own = self.own_data or any(d.dependency is own_data for d in guards)
        guards.append(Depends(refuse_erased if own else refuse_erased_or_suspended))
        super().add_api_route(path, endpoint, dependencies=guards, **kwargs)


def api_router(tag: str, *, public: bool = False, own_data: bool = False) -> APIRouter:
    """Routes need a signed-in person unless declared public: ``public=True`` for the whole
    router, ``dependencies=[Public]`` on one route (relais_common.routing.Public)."""
    router = routing.api_router(tag, public=public, router_class=AmbassadorsRouter)
    assert isinstance(router, AmbassadorsRouter)
    router.own_data = own_data
    return router


def internal_router(tag: str) -> APIRouter:
    """For other Relais services only."""
    return routing.internal_router(tag)
