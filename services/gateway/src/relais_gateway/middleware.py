"""Security headers on every response, and one JSON access-log line per request."""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from relais_gateway.identity import header_value
from relais_gateway.ratelimit import client_ip

access_log = logging.getLogger("relais.access")

CSP_APP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# The widget is meant to be embedded in other sites (intranet, brand homepage).
CSP_WIDGET = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'"
)
COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


def is_https(scope: Scope, trust_forwarded: bool) -> bool:
    if trust_forwarded:
        proto = header_value(scope["headers"], b"x-forwarded-proto")
        if proto:
            return proto.split(",")[0].strip().lower() == "https"
    return scope.get("scheme") == "https"


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, trust_forwarded: bool = False) -> None:
        self.app = app
        self.trust_forwarded = trust_forwarded

    def _extra(self, scope: Scope, present: set[bytes]) -> list[tuple[bytes, bytes]]:
        widget = scope["path"].startswith("/widget/")
        extra = [h for h in COMMON if h[0] not in present]
        if b"content-security-policy" not in present:
            csp = CSP_WIDGET if widget else CSP_APP
            extra.append((b"content-security-policy", csp.encode()))
        if not widget and b"x-frame-options" not in present:
            extra.append((b"x-frame-options", b"DENY"))
        if is_https(scope, self.trust_forwarded):
            extra.append(HSTS)
        return extra

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                message["headers"] = headers + self._extra(scope, present)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class AccessLogMiddleware:
    def __init__(self, app: ASGIApp, trust_forwarded: bool = False) -> None:
        self.app = app
        self.trust_forwarded = trust_forwarded

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            access_log.info(
                "%s %s %s %.1fms %s",
                scope["method"],
                scope["path"],
                status or 500,
                (time.perf_counter() - started) * 1000,
                client_ip(scope, self.trust_forwarded),
            )
