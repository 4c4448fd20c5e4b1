"""The hot path: forward /api/<service>/... and the public pages to a service.

A plain ASGI middleware in front of the FastAPI router: no request parsing beyond what
forwarding needs, bodies passed as bytes, one keep-alive aiohttp pool per service.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import aiohttp
from relais_common.errors import problem_response
from relais_common.logs import request_id_var
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from yarl import URL

from relais_gateway.breaker import ServiceDown
from relais_gateway.forwarding import public_location, request_headers, response_headers
from relais_gateway.identity import resolve
from relais_gateway.routing import Target, target_for
from relais_gateway.standing import SAFE_METHODS, UNKNOWN, Standings, StandingUnknown
from relais_gateway.tokens import Caller
from relais_gateway.upstreams import Upstreams

log = logging.getLogger("relais.gateway.proxy")
BUFFER_LIMIT = 1024 * 1024  # responses up to this size are sent in one piece


class BodyTooLarge(Exception):
    pass


class ClientGone(Exception):
    """The client left (or its body missed the deadline) before the whole body arrived."""


async def read_body(receive: Receive, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientGone  # never forward a truncated body
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
        more = message.get("more_body", False)
    return b"".join(chunks)


def _declared_length(scope: Scope) -> int:
    for key, value in scope["headers"]:
        if key == b"content-length":
            return int(value) if value.isdigit() else 0
    return 0


def _failure(service: str, exc: BaseException) -> tuple[int, str]:
    """503 when the service is down, 504 when it is slow, 502 when it broke the exchange."""
    if isinstance(exc, ServiceDown):
        return (
            503,
            f"The {service} service is unavailable (its health check fails); retry shortly.",
        )
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return 503, f"The {service} service is unavailable (no connection in time); retry shortly."
    if isinstance(exc, aiohttp.ClientConnectorError):
        return 503, f"The {service} service is unavailable (connection refused); retry shortly."
    if isinstance(exc, TimeoutError | aiohttp.ServerTimeoutError):
        return 504, f"The {service} service did not answer in time."
    log.warning("upstream %s failed: %r", service, exc)
    return 502, f"The {service} service closed the connection before answering."


class ProxyMiddleware:
    """Answers the paths that belong to a service; everything else goes to the gateway app."""

    def __init__(self, app: ASGIApp, upstreams: Upstreams, standings: Standings) -> None:
        self.app = app
        self.upstreams = upstreams
        self.standings = standings
        self.settings = upstreams.settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        target = target_for(path, scope.get("raw_path") or path.encode())
        if target is None:
            await self.app(scope, receive, send)
            return
        await self.forward(scope, receive, send, target)

    async def forward(self, scope: Scope, receive: Receive, send: Send, target: Target) -> None:
        identity = resolve(self.settings.session_secret, scope["method"], scope["headers"])
        if identity.refusal:
            status, detail = identity.refusal
            await self._problem(scope, receive, send, status, detail)
            return
        caller = identity.caller
        if caller is not None:
            admitted, caller = await self._standing(scope, receive, send, caller, target.via_api)
            if not admitted:
                return
        limit = self.settings.max_body_bytes
        try:
            if _declared_length(scope) > limit:
                raise BodyTooLarge
            body = await read_body(receive, limit)
        except BodyTooLarge:
            detail = f"The request body is larger than the limit ({limit / 1_048_576:.3g} MB)."
            await self._problem(scope, receive, send, 413, detail)
            return
        except ClientGone:
            return
        token = self.upstreams.identity_token(caller) if caller else None
        headers = request_headers(scope, token, request_id_var.get(), self.settings.trust_forwarded)
        query = scope.get("query_string", b"")
        raw = self.upstreams.urls[target.service] + target.raw_path.decode("latin-1")
        url = URL(raw + ("?" + query.decode("latin-1") if query else ""), encoded=True)
        answered = await self._exchange(scope, receive, send, target, url, headers, body)
        wrote = scope["method"] not in SAFE_METHODS and answered is not None and answered < 400
        if wrote and target.service == "ambassadors":
            self.standings.after_write(caller, target.raw_path.decode("latin-1"))

    async def _standing(
        self, scope: Scope, receive: Receive, send: Send, caller: Caller, via_api: bool
    ) -> tuple[bool, Caller | None]:
        """(go on, as whom): the caller with current roles, or anonymous on a public page
        (pages and links stay public); (False, None) once a problem was answered."""
        try:
            current, why = await self.standings.admit(caller, scope["method"])
        except StandingUnknown:
            if not via_api:
                return True, None
            await self._problem(scope, receive, send, 503, UNKNOWN + " Retry shortly.")
            return False, None
        if why is not None and via_api:
            await self._problem(scope, receive, send, 401, why)
            return False, None
        return True, current

    async def _exchange(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        target: Target,
        url: URL,
        headers: list[tuple[str, str]],
        body: bytes,
    ) -> int | None:
        """The upstream's status, None when it failed (a problem was answered instead)."""
        service = target.service
        session = self.upstreams.session(service)
        breaker = self.upstreams.breakers[service]
        started = False
        origins = self.upstreams.urls

        def relocate(location: str) -> str:
            return public_location(location, origins, service, target.via_api)

        async def send_noting_start(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            async with (
                breaker.guard(),
                session.request(
                    scope["method"], url, headers=headers, data=body or None, allow_redirects=False
                ) as upstream,
            ):
                await self._relay(upstream, send_noting_start, relocate)
                return upstream.status
        except (aiohttp.ClientError, TimeoutError, ServiceDown) as exc:
            if started:  # too late for a problem response: drop the connection
                raise
            status, detail = _failure(service, exc)
            await self._problem(scope, receive, send, status, detail, service=service)
            return None

    @staticmethod
    async def _relay(
        upstream: aiohttp.ClientResponse, send: Send, relocate: Callable[[str], str]
    ) -> None:
        """HEAD never gets here: HeadAsGetMiddleware forwards it as a GET."""
        headers = response_headers(upstream.raw_headers, relocate)
        length = upstream.content_length
        if length is not None and length <= BUFFER_LIMIT:
            payload = await upstream.read()
            headers.append((b"content-length", str(len(payload)).encode()))
            await send(
                {"type": "http.response.start", "status": upstream.status, "headers": headers}
            )
            await send({"type": "http.response.body", "body": payload})
            return
        await send({"type": "http.response.start", "status": upstream.status, "headers": headers})
        async for chunk in upstream.content.iter_chunked(64 * 1024):
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b""})

    @staticmethod
    async def _problem(
        scope: Scope, receive: Receive, send: Send, status: int, detail: str, **extra: str
    ) -> None:
        headers = {"Retry-After": "5"} if status == 503 else None
        if status == 401:
            headers = {"WWW-Authenticate": "Bearer"}
        response = problem_response(
            status, detail, instance=scope["path"], headers=headers, **extra
        )
        await response(scope, receive, send)
