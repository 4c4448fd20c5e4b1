"""Who is calling: a bearer access token or the session cookie, from raw ASGI headers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from starlette.requests import cookie_parser

from relais_gateway.tokens import (
    CSRF_COOKIE,
    CSRF_HEADER,
    KIND_ACCESS,
    KIND_SESSION,
    SESSION_COOKIE,
    Caller,
    csrf_matches,
    verify,
)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


@dataclass(frozen=True)
class Resolution:
    """The outcome of reading the credentials of one request."""

    caller: Caller | None = None
    refusal: tuple[int, str] | None = None


def header_value(headers: Iterable[tuple[bytes, bytes]], name: bytes) -> str | None:
    for key, value in headers:
        if key == name:
            return value.decode("latin-1")
    return None


def resolve(secret: str, method: str, headers: list[tuple[bytes, bytes]]) -> Resolution:
    """Bearer wins over the cookie; cookie-authenticated unsafe requests must pass CSRF."""
    authorization = header_value(headers, b"authorization")
    if authorization and authorization[:7].lower() == "bearer ":
        caller = verify(secret, authorization[7:].strip(), kind=KIND_ACCESS)
        if caller is None:
            return Resolution(refusal=(401, "Your access token is invalid or has expired."))
        return Resolution(caller=caller)
    cookie_header = header_value(headers, b"cookie")
    if not cookie_header:
        return Resolution()
    cookies = cookie_parser(cookie_header)
    session = cookies.get(SESSION_COOKIE)
    if not session:
        return Resolution()
    caller = verify(secret, session, kind=KIND_SESSION)
    if caller is None:
        return Resolution()  # expired or forged session: the request is anonymous
    if method not in SAFE_METHODS and not csrf_matches(
        caller, cookies.get(CSRF_COOKIE), header_value(headers, CSRF_HEADER.encode())
    ):
        return Resolution(
            refusal=(
                403,
                "This request needs the X-CSRF-Token header equal to the relais_csrf cookie.",
            )
        )
    return Resolution(caller=caller)
