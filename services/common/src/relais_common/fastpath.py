"""Fast reads: the hottest GET routes answered without FastAPI's per-request machinery.

Routing among a service's routes, solving a route's dependency tree and validating its
parameters, the request pool's thread hop and the ORM session cost a directory page about
1 ms of CPU before and around its one statement (`make bench-db`, bench/README.md). A fast
read is a second handler for an existing GET route, registered with :func:`fast_read`:

- it runs the route's own dependencies, the same functions in FastAPI's order, found in
  the route's dependency tree (``route.dependant``): the caller check, the service's guards,
  the role aliases. Nothing lists them a second time, so a guard added to a router or a
  route applies here at once;
- it takes the route's query parameters validated by the route's own fields;
- it reads through :func:`relais_common.db.read_rows` (no thread, no session) and answers
  200 with JSON bytes.

Anything else goes to the FastAPI route unchanged: a guard that refuses, a parameter that
does not validate, a request with a body, a handler that returns None or raises. The route
then answers exactly as it always did, so refusals, validation errors and failures are never
made here (a test compares both paths on every refusal). Dependencies a fast read can run:
``async def`` functions whose parameters are the request or other dependencies; anything
else (a sync or generator dependency, headers, cookies, a body) makes :func:`install` raise
when the app is built, not later. The handler states which dependencies it does without
(the request session by default: it reads through ``read_rows`` instead).
"""

from __future__ import annotations

import logging
import time
from asyncio import iscoroutinefunction
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from fastapi._compat import field_annotation_is_sequence
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from relais_common.db import get_session

log = logging.getLogger(__name__)

JSON = b"application/json"


@dataclass(frozen=True)
class FastAnswer:
    """A 200 with a JSON body, and the headers the route would add (an ETag)."""

    body: bytes
    headers: tuple[tuple[bytes, bytes], ...] = ()


# The handler gets the request and what the endpoint would have been called with: its query
# parameters validated (defaults included) and its dependencies' values, by parameter name,
# without the ones it does without.
FastHandler = Callable[[Request, Mapping[str, Any]], Awaitable[FastAnswer | None]]


@dataclass(frozen=True)
class FastRead:
    handler: FastHandler
    without: frozenset[Callable[..., Any]]


_READS: dict[Callable[..., Any], FastRead] = {}


def fast_read(
    endpoint: Callable[..., Any], *, without: Iterable[Callable[..., Any]] = (get_session,)
) -> Callable[[FastHandler], FastHandler]:
    """Register `handler` as the fast read of the GET route whose endpoint is `endpoint`."""

    def register(handler: FastHandler) -> FastHandler:
        _READS[endpoint] = FastRead(handler, frozenset(without))
        return handler

    return register


REQUEST = -1  # a step argument that is the request itself


@dataclass(frozen=True)
class _Step:
    call: Callable[..., Awaitable[Any]]
    args: tuple[tuple[str, int], ...]  # (parameter name, index of the step giving it or REQUEST)


@dataclass
class FastRoute:
    """One GET route's fast read: its dependencies flattened into steps, in FastAPI's order."""

    path: str
    read: FastRead
    steps: tuple[_Step, ...]
    endpoint_args: tuple[tuple[str, int], ...]
    query: tuple[Any, ...]  # the endpoint's query parameters (FastAPI's ModelField)
    answered: int = field(default=0)  # requests answered here (tests read it)
    failed: int = field(default=0)  # handler failures since the last warning
    warned_at: float = field(default=float("-inf"))

    async def answer(self, scope: Scope) -> FastAnswer | None:
        params = QueryParams(scope["query_string"])
        values: dict[str, Any] = {}
        for param in self.query:
            raw = params.get(param.alias)
            if raw is None:
                if param.field_info.is_required():
                    return None  # the route's 422
                values[param.name] = param.get_default()
                continue
            value, errors = param.validate(raw)
            if errors:
                return None
            values[param.name] = value
        request = Request(scope, _no_body)
        results: list[Any] = []
        try:
            for step in self.steps:
                results.append(await step.call(**_arguments(step.args, request, results)))
        except Exception:  # a refusal: the route makes it, with its own answer
            return None
        values.update(_arguments(self.endpoint_args, request, results))
        try:
            answer = await self.read.handler(request, values)
        except Exception:
            self._failed()
            return None
        if answer is not None:
            self.answered += 1
        return answer

    def _failed(self) -> None:
        """One warning (with its traceback) a minute at most: a database that is down would
        otherwise log one per request, beside the route's own error."""
        self.failed += 1
        now = time.monotonic()
        if now - self.warned_at < WARN_EVERY_SECONDS:
            return
        self.warned_at = now
        count, self.failed = self.failed, 0
        log.warning(
            "fast read of %s failed (%d time(s) since the last warning); the route answers",
            self.path,
            count,
            exc_info=True,
        )


WARN_EVERY_SECONDS = 60.0


def _arguments(
    args: tuple[tuple[str, int], ...], request: Request, results: list[Any]
) -> dict[str, Any]:
    return {name: request if source == REQUEST else results[source] for name, source in args}


async def _no_body() -> Message:
    """The receive channel of a fast read's request: a GET without a body (checked first)."""
    return {"type": "http.request", "body": b"", "more_body": False}


def _unsupported(dependant: Dependant) -> str | None:
    if dependant.call is None or not iscoroutinefunction(dependant.call):
        return "is not an async function"
    params = (
        dependant.path_params,
        dependant.query_params,
        dependant.header_params,
        dependant.cookie_params,
        dependant.body_params,
    )
    if any(params):
        return "takes request parameters"
    special = (
        dependant.websocket_param_name,
        dependant.http_connection_param_name,
        dependant.response_param_name,
        dependant.background_tasks_param_name,
        dependant.security_scopes_param_name,
    )
    if any(name is not None for name in special):
        return "takes a special parameter"
    return None


def _flatten(
    dependant: Dependant,
    steps: list[_Step],
    seen: dict[Callable[..., Any], int],
    without: frozenset[Callable[..., Any]],
    where: str,
) -> tuple[tuple[str, int], ...]:
    """The arguments of `dependant`, appending the steps that give them (each call once, as
    FastAPI's per-request cache does)."""
    args: list[tuple[str, int]] = []
    for sub in dependant.dependencies:
        if sub.call in without:
            continue
        if sub.call is None:
            raise TypeError(f"{where}: a dependency without a callable")
        index = seen.get(sub.call) if sub.use_cache else None
        if index is None:
            problem = _unsupported(sub)
            if problem is not None:
                raise TypeError(f"{where}: the dependency {sub.call.__qualname__} {problem}")
            sub_args = _flatten(sub, steps, seen, without, where)
            steps.append(_Step(sub.call, sub_args))
            index = len(steps) - 1
            if sub.use_cache:
                seen[sub.call] = index
        if sub.name:
            args.append((sub.name, index))
    if dependant.request_param_name:
        args.append((dependant.request_param_name, REQUEST))
    return tuple(args)


def plan(route: Any, read: FastRead) -> FastRoute:
    """The fast read of `route` (an APIRoute, or the route as an app includes it: FastAPI's
    RouteContext, with the dependencies and the path it really runs), or TypeError when its
    dependencies cannot run here."""
    where = f"the fast read of GET {route.path}"
    if route.methods != {"GET"} or route.param_convertors:
        raise TypeError(f"{where}: only a GET route without path parameters")
    dependant: Dependant = route.dependant
    if dependant.header_params or dependant.cookie_params or dependant.body_params:
        raise TypeError(f"{where}: the route takes headers, cookies or a body")
    for param in dependant.query_params:
        if param.field_info.annotation is not None and _is_sequence(param):
            raise TypeError(f"{where}: the query parameter {param.alias} is a list")
    steps: list[_Step] = []
    endpoint_args = _flatten(dependant, steps, {}, read.without, where)
    return FastRoute(route.path, read, tuple(steps), endpoint_args, tuple(dependant.query_params))


def _is_sequence(param: Any) -> bool:
    return bool(field_annotation_is_sequence(param.field_info.annotation))


class FastReads:
    """ASGI middleware: a GET on a path with a fast read is tried there first."""

    def __init__(self, app: ASGIApp, routes: Mapping[str, FastRoute]) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = self.routes.get(scope["path"]) if scope["type"] == "http" else None
        answer = await route.answer(scope) if route is not None and _fast(scope) else None
        if answer is None:
            await self.app(scope, receive, send)
            return
        length = str(len(answer.body)).encode()
        headers = [*answer.headers, (b"content-length", length), (b"content-type", JSON)]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": answer.body})


def _fast(scope: Scope) -> bool:
    """A GET without a body, the app at the root (paths are the routes' own)."""
    return scope["method"] == "GET" and not scope.get("root_path") and not _has_body(scope)


def _has_body(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"transfer-encoding" or (name == b"content-length" and value != b"0"):
            return True
    return False


def fast_routes(app: FastAPI) -> dict[str, FastRoute]:
    """The app's GET routes that have a fast read, by path (plan raises for one it cannot run).

    Only the included routers that hold one are looked into: FastAPI 0.163 builds a router's
    routes as the app includes them (a copy of each route's dependency tree and fields) on
    first use, and building them all cost 4.5 MB that the service never needed.
    """
    routes: dict[str, FastRoute] = {}
    for top in app.routes:
        if not _holds_a_fast_read(top):
            continue
        for context in iter_route_contexts([top]):
            path = context.path
            endpoint = context.endpoint
            if isinstance(context.original_route, APIRoute) and endpoint in _READS and path:
                routes[path] = plan(context, _READS[endpoint])
    return routes


def _holds_a_fast_read(route: Any) -> bool:
    router = getattr(route, "original_router", None)  # an included router (_IncludedRouter)
    if router is None:
        return getattr(route, "endpoint", None) in _READS
    return any(_holds_a_fast_read(inner) for inner in router.routes)


def install(app: FastAPI, *, enabled: bool = True) -> dict[str, FastRoute]:
    """Add the FastReads middleware for the app's fast reads (none when disabled: every
    request then takes its route, as a test compares)."""
    routes = fast_routes(app)
    app.state.fast_routes = routes
    if enabled and routes:
        app.add_middleware(FastReads, routes=routes)
    return routes
