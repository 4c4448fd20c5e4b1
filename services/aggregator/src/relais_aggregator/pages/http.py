"""Serving pre-rendered bytes: gzip when accepted, strong ETags, 304 on If-None-Match."""

from __future__ import annotations

from fastapi import Request, Response

from relais_aggregator.pages.cache import JSON, Variant

# A withdrawn consent must leave every copy within a minute: poll interval (2 s) + 30 s of
# freshness. No stale-while-revalidate: it would let caches serve a page 60 s past its
# freshness, i.e. past the minute (the contract says exactly this header).
CACHE_CONTROL = "public, max-age=30"


def accepts_gzip(request: Request) -> bool:
    for part in request.headers.get("accept-encoding", "").split(","):
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


def serve(request: Request, page: Variant, status_code: int = 200) -> Response:
    packed = accepts_gzip(request)
    etag = page.gzip_etag if packed else page.etag
    vary = "Accept-Encoding" if page.media_type == JSON else "Accept-Encoding, Accept-Language"
    headers = {"Cache-Control": CACHE_CONTROL, "Vary": vary}
    if status_code == 200:
        headers["ETag"] = etag
        if etag_matches(request.headers.get("if-none-match"), etag):
            return Response(status_code=304, headers=headers)
    if page.language:
        headers["Content-Language"] = page.language
    if packed:
        headers["Content-Encoding"] = "gzip"
    body = page.gzipped if packed else page.body
    return Response(body, status_code=status_code, media_type=page.media_type, headers=headers)
