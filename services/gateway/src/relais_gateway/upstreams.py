"""One aiohttp session per service: keep-alive pools created in the lifespan.

aiohttp, not httpx, on the hot path: a shared httpx.AsyncClient collapsed under 16
concurrent connections here (encode/httpx#3215); see bench/README.md for the figures.
"""

from __future__ import annotations

import asyncio
import time

import aiohttp
from relais_common.auth import issue_identity_token

from relais_gateway.breaker import Breaker, watch
from relais_gateway.config import GatewaySettings
from relais_gateway.tokens import Caller

IDENTITY_REUSE_SECONDS = 30  # tokens live 60 s; reuse one for half its life
IDENTITY_CACHE_MAX = 10_000


class Upstreams:
    """The services behind the gateway and the identity tokens the gateway gives them."""

    def __init__(self, settings: GatewaySettings) -> None:
        self.settings = settings
        self.urls = settings.service_urls()
        self.sessions: dict[str, aiohttp.ClientSession] = {}
        self.timeout = aiohttp.ClientTimeout(
            total=settings.request_timeout,
            connect=settings.connect_timeout,
            sock_connect=settings.connect_timeout,
        )
        self._identities: dict[tuple[str, frozenset[str], int | None], tuple[str, float]] = {}
        self.breakers = {name: Breaker(name, settings.health_failures) for name in self.urls}
        self._watchers: list[asyncio.Task[None]] = []

    async def open(self) -> None:
        for name in self.urls:
            connector = aiohttp.TCPConnector(
                limit=self.settings.pool_size, keepalive_timeout=30, ttl_dns_cache=300
            )
            self.sessions[name] = aiohttp.ClientSession(
                connector=connector,
                # A proxy keeps no cookies: a jar would store one person's Set-Cookie (from
                # a service on a host name) and send it with everyone's requests after; it also
                # cost a filter and an update per request.
                cookie_jar=aiohttp.DummyCookieJar(),
                timeout=self.timeout,
                auto_decompress=False,  # pass bodies through untouched
                skip_auto_headers=("User-Agent", "Accept-Encoding"),
            )
        self._watchers = [
            asyncio.create_task(self._watch(name), name=f"health-{name}") for name in self.urls
        ]

    async def _watch(self, name: str) -> None:
        await watch(
            self.breakers[name],
            lambda: self.sessions.get(name),
            self.urls[name] + "/livez",
            self.settings.health_interval,
            self.settings.health_timeout,
        )

    async def close(self) -> None:
        watchers, self._watchers = self._watchers, []
        for task in watchers:
            task.cancel()
        await asyncio.gather(*watchers, return_exceptions=True)
        sessions, self.sessions = self.sessions, {}
        await asyncio.gather(*(s.close() for s in sessions.values()), return_exceptions=True)

    def session(self, service: str) -> aiohttp.ClientSession:
        return self.sessions[service]

    def identity_token(self, caller: Caller) -> str:
        key = (caller.user_id, caller.roles, caller.signed_in_ms)
        now = time.monotonic()
        cached = self._identities.get(key)
        if cached and now - cached[1] < IDENTITY_REUSE_SECONDS:
            return cached[0]
        if len(self._identities) >= IDENTITY_CACHE_MAX:
            self._identities.clear()
        token = issue_identity_token(
            self.settings.internal_secret,
            caller.user_id,
            caller.roles,
            ttl=60,
            signed_in_ms=caller.signed_in_ms,
        )
        self._identities[key] = (token, now)
        return token
