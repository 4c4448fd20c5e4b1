"""The micro-cache's rules without HTTP: what is kept, for how long, in how much memory, and one
refill for many readers."""

from __future__ import annotations

import asyncio

import pytest
from relais_gateway.microcache import MicroCacheMiddleware
from relais_gateway.public_cache import Headers, PublicCache, freshness, request_of
from starlette.types import Message, Receive, Scope, Send

PUBLIC: Headers = [
    (b"content-type", b"text/html"),
    (b"content-length", b"5"),
    (b"cache-control", b"public, max-age=25, s-maxage=10"),
    (b"vary", b"Accept-Encoding, Accept-Language"),
]


def scope(path: str = "/", **headers: str) -> Scope:
    raw = [(k.replace("_", "-").encode(), v.encode()) for k, v in headers.items()]
    return {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "scheme": "http",
        "headers": [(b"host", b"planet.example"), *raw],
    }


@pytest.mark.parametrize(
    ("headers", "kept"),
    [
        (PUBLIC, (10.0, 0.0)),
        ([*PUBLIC, (b"age", b"4")], (6.0, 4.0)),  # already 4 s old upstream
        ([(b"content-length", b"5"), (b"cache-control", b"public, max-age=60")], (30.0, 0.0)),
        ([(b"content-length", b"5"), (b"cache-control", b"s-maxage=99")], (30.0, 0.0)),
        ([(b"content-length", b"5"), (b"cache-control", b'public, s-maxage="x"')], None),
        ([(b"cache-control", b"public, s-maxage=10")], None),  # no length: streamed
    ],
)
def test_freshness(headers: Headers, kept: tuple[float, float] | None) -> None:
    assert freshness(200, headers, limit=30.0) == kept


@pytest.mark.parametrize(
    "headers",
    [
        {"authorization": "Bearer x"},
        {"cookie": "a=1"},
        {"range": "bytes=0-10"},
        {"content_length": "3"},
        {"transfer_encoding": "chunked"},
    ],
)
def test_requests_with_credentials_ranges_or_bodies_never_use_it(headers: dict[str, str]) -> None:
    assert request_of(scope(**headers), trust_forwarded=False) is None


def test_internal_and_gateway_paths_never_use_it() -> None:
    for path in ("/internal/events", "/api/aggregator/internal/events", "/livez", "/app/"):
        assert request_of(scope(path), trust_forwarded=False) is None
    assert request_of(scope("/feeds/planet.atom"), trust_forwarded=False) is not None


def test_the_scheme_is_part_of_the_key_behind_a_trusted_proxy() -> None:
    https = request_of(scope(x_forwarded_proto="https"), trust_forwarded=True)
    http = request_of(scope(x_forwarded_proto="http"), trust_forwarded=True)
    assert https is not None and http is not None and https.key != http.key
    untrusted = request_of(scope(x_forwarded_proto="https"), trust_forwarded=False)
    assert untrusted is not None and untrusted.key == http.key


def test_bounded_in_bytes_least_recently_used_first_out() -> None:
    cache = PublicCache(max_bytes=3 * 1300, max_seconds=10)
    body = b"x" * 600
    kept = (10.0, 0.0)
    for name in (b"a", b"b", b"c"):
        cache.store((name,), 200, PUBLIC, body, kept)
    assert len(cache) == 3
    cache.get((b"a",))  # read: now the most recent
    cache.store((b"d",), 200, PUBLIC, body, kept)
    assert cache.get((b"b",)) is None
    assert all(cache.get((n,)) is not None for n in (b"a", b"c", b"d"))
    assert cache.size <= cache.max_bytes
    assert cache.store((b"e",), 200, PUBLIC, b"x" * 5000, kept) is None  # larger than it all


async def test_one_refill_for_many_readers_of_an_expired_copy() -> None:
    calls = 0

    async def service(scope: Scope, receive: Receive, send: Send) -> None:
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.05)
        await send({"type": "http.response.start", "status": 200, "headers": list(PUBLIC)})
        await send({"type": "http.response.body", "body": f"n={calls:03d}".encode()})

    cache = PublicCache(max_bytes=1 << 20, max_seconds=10)
    middleware = MicroCacheMiddleware(service, cache, trust_forwarded=False, wait_seconds=5)
    request = request_of(scope(), trust_forwarded=False)
    assert request is not None
    cache.store(request.key, 200, PUBLIC, b"stale", (10.0, 0.0))
    cache.get(request.key).expires_at = 0.0  # type: ignore[union-attr]

    async def read() -> bytes:
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        async def receive() -> Message:
            return {"type": "http.request", "body": b""}

        await middleware(scope(), receive, send)
        return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")

    bodies = await asyncio.gather(*(read() for _ in range(10)))
    assert calls == 1
    assert set(bodies) == {b"n=001"}
