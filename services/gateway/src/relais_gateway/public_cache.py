"""The gateway's micro-cache of public answers: what may be stored, under which key, how long.

A shared cache by the rules of RFC 9111, narrowed to what is safe without knowing the services:

- only anonymous requests (no `Authorization`, no `Cookie`) for a GET or HEAD without a body or
  a `Range`, to a path the gateway proxies (never `/internal/*`: `routing.target_for` decides);
- only a 200 that says `public` or `s-maxage` in its Cache-Control, with no `private`,
  `no-store` or `no-cache`, no `Set-Cookie`, a `Content-Length`, and a `Vary` naming nothing
  beyond the headers of the key;
- the key is the whole URL (scheme, host, raw path and query) with the `Accept`,
  `Accept-Encoding` and `Accept-Language` sent, so a copy is never served to another path,
  media type, encoding or language than the one it was made for (Accept even when the service
  does not vary on it: a route that forgot `Vary: Accept` cannot leak one type to another);
- kept for the service's s-maxage (or max-age) less the `Age` it came with, at most
  `public_cache_seconds`: a withdrawn consent or a moderation leaves it within that time.

Bounded in bytes (least recently used first out); one entry at most `MAX_ENTRY_BYTES`.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import Scope

from relais_gateway.routing import target_for

Headers = list[tuple[bytes, bytes]]
Key = tuple[bytes, ...]

MAX_ENTRY_BYTES = 1024 * 1024  # the proxy's BUFFER_LIMIT: larger answers are streamed
ENTRY_OVERHEAD = 512  # bytes counted per entry for the key, the objects and the dict slot
KEYED_REQUEST = frozenset({b"accept", b"accept-encoding", b"accept-language"})
# A request carrying one of these is not answered from (nor stored into) the cache.
BYPASS_REQUEST = frozenset(
    {b"authorization", b"cookie", b"range", b"content-length", b"transfer-encoding"}
)
CONDITIONAL = frozenset({b"if-none-match", b"if-modified-since"})
NEVER_STORED = frozenset({b"private", b"no-store", b"no-cache"})
NOT_IN_304 = frozenset({b"content-type", b"content-length", b"content-encoding"})
_DIRECTIVE = re.compile(rb"\s*([a-z-]+)\s*(?:=\s*\"?(\d+)\"?)?\s*")


@dataclass(frozen=True)
class Request:
    """What the cache needs from a request: its key, and its validators."""

    key: Key
    if_none_match: bytes | None
    if_modified_since: bool


@dataclass
class Entry:
    status: int
    headers: Headers  # as the client gets them, without Age
    body: bytes
    etag: bytes | None
    stored_at: float
    age: float  # the Age it came with
    expires_at: float
    size: int

    def fresh(self, now: float) -> bool:
        return now < self.expires_at

    def age_header(self, now: float) -> tuple[bytes, bytes]:
        return (b"age", str(int(self.age + now - self.stored_at)).encode())

    def not_modified_headers(self) -> Headers:
        return [h for h in self.headers if h[0] not in NOT_IN_304]


def request_of(scope: Scope, trust_forwarded: bool) -> Request | None:
    """The request's key and validators; None when it must not touch the cache."""
    if scope["method"] not in ("GET", "HEAD"):
        return None
    path: str = scope["path"]
    raw_path: bytes = scope.get("raw_path") or path.encode()
    if target_for(path, raw_path) is None:
        return None
    accept = encoding = language = host = proto = b""
    if_none_match: bytes | None = None
    if_modified_since = False
    for name, value in scope["headers"]:
        if name in BYPASS_REQUEST:
            return None
        if name == b"accept":
            accept = value
        elif name == b"accept-encoding":
            encoding = value
        elif name == b"accept-language":
            language = value
        elif name == b"host":
            host = value
        elif name == b"if-none-match":
            if_none_match = value
        elif name == b"if-modified-since":
            if_modified_since = True
        elif name == b"x-forwarded-proto" and trust_forwarded:
            proto = value.split(b",")[0].strip().lower()
    scheme = proto or scope.get("scheme", "http").encode()
    query: bytes = scope.get("query_string", b"")
    key = (scheme, host.lower(), raw_path, query, accept, encoding.strip(), language.strip())
    return Request(key, if_none_match, if_modified_since)


def directives(cache_control: bytes) -> dict[bytes, int | None]:
    found: dict[bytes, int | None] = {}
    for part in cache_control.lower().split(b","):
        match = _DIRECTIVE.fullmatch(part)
        if match is None:
            if part.strip():
                found[b"unparsed"] = None  # an odd value: the answer is not stored
            continue
        value = match.group(2)
        found[match.group(1)] = int(value) if value is not None else None
    return found


def freshness(status: int, headers: Headers, limit: float) -> tuple[float, float] | None:
    """(seconds it may be kept, its Age) for a storable answer; None when it must not be kept."""
    if status != 200:
        return None
    cache_control = b""
    age = 0.0
    length = False
    for name, value in headers:
        if name == b"set-cookie":
            return None
        if name == b"cache-control":
            cache_control += b"," + value
        elif name == b"vary":
            varies = {v.strip().lower() for v in value.split(b",") if v.strip()}
            if not varies <= KEYED_REQUEST:  # "*", Cookie, Origin...: not by this key
                return None
        elif name == b"age":
            age = float(value) if value.strip().isdigit() else float("inf")
        elif name == b"content-length":
            length = True
    found = directives(cache_control)
    if not length or b"unparsed" in found or NEVER_STORED & found.keys():
        return None
    if b"s-maxage" in found:
        lifetime = found[b"s-maxage"]
    elif b"public" in found:
        lifetime = found.get(b"max-age")
    else:
        return None
    if lifetime is None:
        return None
    keep = min(float(lifetime), limit) - age
    return (keep, age) if keep > 0 else None


def etag_matches(if_none_match: bytes, etag: bytes | None) -> bool:
    """Weak comparison, as RFC 9110 asks for If-None-Match."""
    if etag is None:
        return False
    candidates = [c.strip() for c in if_none_match.split(b",")]
    strong = etag.removeprefix(b"W/")
    return b"*" in candidates or any(c.removeprefix(b"W/") == strong for c in candidates)


class PublicCache:
    """Entries by key, least recently used first out past `max_bytes`."""

    def __init__(self, max_bytes: int, max_seconds: float) -> None:
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds
        self.size = 0
        self._entries: OrderedDict[Key, Entry] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Key) -> Entry | None:
        """The entry, fresh or not (an expired one tells that the key is worth a refill)."""
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def freshness(self, status: int, headers: Headers) -> tuple[float, float] | None:
        return freshness(status, headers, self.max_seconds)

    def store(
        self, key: Key, status: int, headers: Headers, body: bytes, kept: tuple[float, float]
    ) -> Entry | None:
        """Keep an answer `freshness` allowed (`kept` is its verdict); the entry or None."""
        self.drop(key)
        size = len(body) + sum(len(k) + len(v) for k, v in headers) + ENTRY_OVERHEAD
        if len(body) > MAX_ENTRY_BYTES or size > self.max_bytes:
            return None
        now = time.monotonic()
        headers = [h for h in headers if h[0] != b"age"]
        etag = next((v for k, v in headers if k == b"etag"), None)
        entry = Entry(status, headers, body, etag, now, kept[1], now + kept[0], size)
        self._entries[key] = entry
        self.size += size
        while self.size > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self.size -= evicted.size
        return entry

    def drop(self, key: Key) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self.size -= entry.size
