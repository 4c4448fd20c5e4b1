"""One output's bytes, its gzip variant, their strong ETags and precomputed response headers."""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass

HTML = "text/html; charset=utf-8"
JSON = "application/json"
ATOM = "application/atom+xml; charset=utf-8"
JSON_FEED = "application/feed+json"
OPML = "text/x-opml; charset=utf-8"
CSV = "text/csv; charset=utf-8"
JS = "text/javascript; charset=utf-8"

# A withdrawn consent must leave every copy within a minute. The consumer polls every 2 s; a
# shared cache (the nginx micro-cache, a CDN) keeps a page at most s-maxage=10 s; a browser
# then keeps it at most max-age=25 s from when it got it (nginx sends no Age header):
# 2 + 10 + 25 = 37 s. The gateway's own micro-cache keeps it at most s-maxage too and sends Age,
# so a cache after it that ignores Age adds its 10 s and the browser subtracts the gateway's
# Age: still 37 s, 47 s if neither Age were honoured. No stale-while-revalidate: it would
# stretch that past the minute.
CACHE_CONTROL = "public, max-age=25, s-maxage=10"

Headers = list[tuple[bytes, bytes]]


@dataclass(frozen=True)
class Variant:
    body: bytes
    gzipped: bytes
    etag: str
    gzip_etag: str
    media_type: str
    language: str | None
    headers: Headers  # for the identity body (200)
    gzip_headers: Headers
    not_modified: Headers  # for a 304 of the identity body
    gzip_not_modified: Headers


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def variant(
    body: bytes,
    media_type: str,
    language: str | None = None,
    extra: tuple[tuple[str, str], ...] = (),
) -> Variant:
    packed = gzip.compress(body, compresslevel=6, mtime=0)
    etag, gzip_etag = _etag(body), _etag(packed)
    vary = "Accept-Encoding, Accept-Language" if language else "Accept-Encoding"
    common: Headers = [(b"cache-control", CACHE_CONTROL.encode()), (b"vary", vary.encode())]
    common += [(k.encode(), v.encode()) for k, v in extra]
    if language:
        common.append((b"content-language", language.encode()))

    def full(tag: str, size: int, encoded: bool) -> Headers:
        head = [
            (b"content-type", media_type.encode()),
            (b"content-length", str(size).encode()),
            (b"etag", tag.encode()),
            *common,
        ]
        return [*head, (b"content-encoding", b"gzip")] if encoded else head

    return Variant(
        body=body,
        gzipped=packed,
        etag=etag,
        gzip_etag=gzip_etag,
        media_type=media_type,
        language=language,
        headers=full(etag, len(body), False),
        gzip_headers=full(gzip_etag, len(packed), True),
        not_modified=[(b"etag", etag.encode()), *common],
        gzip_not_modified=[(b"etag", gzip_etag.encode()), *common],
    )


def json_bytes(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
