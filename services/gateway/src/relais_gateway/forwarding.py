"""Which headers cross the gateway, in each direction."""

from __future__ import annotations

from collections.abc import Callable

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


def response_headers(
    raw: tuple[tuple[bytes, bytes], ...], relocate: Callable[[str], str] | None = None
) -> list[tuple[bytes, bytes]]:
    headers = [(k.lower(), v) for k, v in raw if k.lower() not in DROPPED_RESPONSE]
    if relocate is None:
        return headers
    return [
        (k, relocate(v.decode("latin-1")).encode("latin-1") if k == b"location" else v)
        for k, v in headers
    ]


def public_location(value: str, origins: dict[str, str], service: str, via_api: bool) -> str:
    """A redirect as the caller must follow it: never towards a service's internal origin.

    A service redirecting (e.g. /me/ -> http://127.0.0.1:8101/me) names its own address,
    which is internal and unreachable from outside; an absolute path it sends is relative to
    itself, i.e. to /api/<service> at the gateway. Other Locations pass untouched.
    """
    lowered = value.lower()
    for name, origin in origins.items():
        netloc = origin.split("://", 1)[-1].lower()
        # any scheme: behind a TLS proxy the service believes X-Forwarded-Proto
        for form in ("http://" + netloc, "https://" + netloc, "//" + netloc):
            if lowered == form or lowered.startswith((form + "/", form + "?")):
                rest = value[len(form) :] or "/"
                rest = rest if rest.startswith("/") else "/" + rest
                return rest if (name == service and not via_api) else f"/api/{name}{rest}"
    if via_api and value.startswith("/") and not value.startswith("//"):
        return f"/api/{service}{value}"
    return value
