"""Serving pre-rendered bytes: gzip when accepted, strong ETags, 304 on If-None-Match.

The same choice for the raw ASGI fast path (pages.fastpath) and the FastAPI routes.
"""

from __future__ import annotations

from fastapi import Request, Response

from relais_aggregator.pages.variant import Headers, Variant


def accepts_gzip(header: str) -> bool:
    for part in header.split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            return params.replace(" ", "").lower() not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def etag_matches(header: str | None, etag: str) -> bool:
    """Weak comparison, as RFC 9110 asks for If-None-Match."""
    if not header:
        return False
    candidates = [c.strip() for c in header.split(",")]
    return "*" in candidates or any(c.removeprefix("W/") == etag for c in candidates)


def choose(
    page: Variant, accept_encoding: str, if_none_match: str | None, status: int = 200
) -> tuple[int, Headers, bytes]:
    """(status, headers, body) for a request: 304 when its ETag matches, gzip when accepted."""
    packed = accepts_gzip(accept_encoding)
    if status == 200 and etag_matches(if_none_match, page.gzip_etag if packed else page.etag):
        return 304, page.gzip_not_modified if packed else page.not_modified, b""
    headers = page.gzip_headers if packed else page.headers
    if status != 200:  # a 404 page: no validator
        headers = [h for h in headers if h[0] != b"etag"]
    return status, headers, page.gzipped if packed else page.body


def serve(request: Request, page: Variant, status_code: int = 200) -> Response:
    status, headers, body = choose(
        page,
        request.headers.get("accept-encoding", ""),
        request.headers.get("if-none-match"),
        status_code,
    )
    response = Response(body, status_code=status)
    response.raw_headers = list(headers)
    return response
