"""Router factories: authenticated by default, public or internal only when declared.

Every service builds its routers here, so no route can forget authentication (the shape of
Netflix/dispatch's ``authenticated_api_router``). A route gets the router's caller check;
role checks on top of it are dependency aliases (``AdminUser``, ``CommitteeOf``...), never an
``if`` in a handler. :func:`undeclared_routes` lets each service's tests prove it.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterator, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, params
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from relais_common.auth import CurrentUser, require_identity, require_service
from relais_common.errors import Forbidden
from relais_common.problems import problem_responses, reject_nul_bytes


async def declared_public() -> None:
    """Marks a route as public on purpose (it checks nothing; tests look for it)."""


# On a route: `@router.post("/signup", dependencies=[Public])`. Nothing else opens a route.
Public = Depends(declared_public)


class GuardedRouter(APIRouter):
    """Every route added gets the caller check, unless it lists :data:`Public`."""

    def __init__(self, *, caller: Callable[..., Any] | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.caller = caller

    def add_api_route(
        self,
        path: str,
        endpoint: Callable[..., Any],
        *,
        dependencies: Sequence[params.Depends] | None = None,
        **kwargs: Any,
    ) -> None:
        guards = list(dependencies or [])
        if not any(d.dependency is declared_public for d in guards):
            guards.insert(0, Depends(self.caller) if self.caller else Public)
        super().add_api_route(path, endpoint, dependencies=guards, **kwargs)


def api_router(
    tag: str,
    *,
    public: bool = False,
    dependencies: Sequence[Any] = (),
    caller: Callable[..., Any] = require_identity,
    responses: dict[int | str, dict[str, Any]] | None = None,
    router_class: type[GuardedRouter] = GuardedRouter,
) -> APIRouter:
    """A tagged router whose routes need a signed-in person, unless declared public: the
    whole router with ``public=True``, one route with ``dependencies=[Public]``.

    problem+json answers are documented and NUL bytes refused on every route; ``dependencies``
    are the service's own guards. ``responses`` replaces the documented problem answers (an
    HTML page has none of them). ``router_class``: a service's own GuardedRouter, adding
    its per-route guards.
    """
    return router_class(
        caller=None if public else caller,
        tags=[tag],
        responses=problem_responses() if responses is None else responses,
        dependencies=[Depends(reject_nul_bytes), *dependencies],
    )


def public_router(
    tag: str,
    *,
    dependencies: Sequence[Any] = (),
    responses: dict[int | str, dict[str, Any]] | None = None,
) -> APIRouter:
    return api_router(tag, public=True, dependencies=dependencies, responses=responses)


def internal_router(
    tag: str,
    *,
    dependencies: Sequence[Any] = (),
    responses: dict[int | str, dict[str, Any]] | None = None,
) -> APIRouter:
    """For other Relais services only (``/internal/*``, never routed from outside)."""
    return api_router(tag, dependencies=dependencies, caller=require_service, responses=responses)


GUARDS = (require_identity, require_service, declared_public)


def _calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for sub in dependant.dependencies:
        if sub.call is not None:
            yield sub.call
        yield from _calls(sub)


def undeclared_routes(app: FastAPI) -> list[str]:
    """API routes that neither check their caller nor are declared public (should be none)."""
    missing: list[str] = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute) and not any(c in GUARDS for c in _calls(route.dependant)):
            missing.append(f"{sorted(route.methods or ())} {route.path}")
    return sorted(missing)


def include_archived_option(refusal: str) -> Callable[..., Coroutine[Any, Any, bool]]:
    """The ``include_archived`` query option, which only the core team may turn on.

    Use as ``Annotated[bool, Depends(include_archived_option("..."))]``: the role check is a
    dependency, not an ``if`` in the handler.
    """

    async def include_archived(
        user: CurrentUser, include_archived: Annotated[bool, Query()] = False
    ) -> bool:
        if include_archived and not user.is_admin:
            raise Forbidden(refusal)
        return include_archived

    return include_archived
