"""Which headers cross the gateway, in each direction."""

from __future__ import annotations

from starlette.requests import cookie_parser
from starlette.types import Scope

from relais_gateway.identity import header_value
from relais_gateway.tokens import CSRF_COOKIE, SESSION_COOKIE

HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"proxy-connection",
        b"te",
        b"trailer",
        b"transfer-encoding",
        b"upgrade",
    }
)
# Replaced by the gateway, or meaningful to the gateway only.
DROPPED_REQUEST = HOP_BY_HOP | {
    b"host",
    b"content-length",
    b"expect",
    b"authorization",
    b"cookie",
    b"x-relais-identity",
    b"x-request-id",
    b"x-forwarded-for",
    b"x-forwarded-proto",
    b"x-forwarded-host",
    b"x-csrf-token",
}
DROPPED_RESPONSE = HOP_BY_HOP | {b"content-length", b"date", b"server", b"x-request-id"}
GATEWAY_COOKIES = frozenset({SESSION_COOKIE, CSRF_COOKIE})


def _other_cookies(cookie_header: str) -> str:
    cookies = cookie_parser(cookie_header)
    return "; ".join(f"{k}={v}" for k, v in cookies.items() if k not in GATEWAY_COOKIES)


def request_headers(
    scope: Scope, identity_token: str | None, request_id: str, trust_forwarded: bool
) -> list[tuple[str, str]]:
    raw: list[tuple[bytes, bytes]] = scope["headers"]
    headers = [
        (k.decode("latin-1"), v.decode("latin-1")) for k, v in raw if k not in DROPPED_REQUEST
    ]
    cookie = header_value(raw, b"cookie")
    if cookie:
        kept = _other_cookies(cookie)
        if kept:
            headers.append(("Cookie", kept))
    client = scope.get("client")
    client_ip = str(client[0]) if client else "unknown"
    forwarded_for = header_value(raw, b"x-forwarded-for") if trust_forwarded else None
    proto = header_value(raw, b"x-forwarded-proto") if trust_forwarded else None
    headers.append(
        ("X-Forwarded-For", f"{forwarded_for}, {client_ip}" if forwarded_for else client_ip)
    )
    headers.append(("X-Forwarded-Proto", proto or scope.get("scheme", "http")))
    host = header_value(raw, b"host")
    if host:
        headers.append(("X-Forwarded-Host", host))
    headers.append(("X-Request-ID", request_id))
    if identity_token:
        headers.append(("X-Relais-Identity", identity_token))
    return headers


def response_headers(raw: tuple[tuple[bytes, bytes], ...]) -> list[tuple[bytes, bytes]]:
    return [(k.lower(), v) for k, v in raw if k.lower() not in DROPPED_RESPONSE]
