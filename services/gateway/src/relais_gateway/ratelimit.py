"""Per client IP token buckets, in memory (one gateway replica's view)."""

from __future__ import annotations

import math
import time

from relais_common.errors import problem_response
from starlette.types import ASGIApp, Receive, Scope, Send

from relais_gateway.config import GatewaySettings
from relais_gateway.identity import header_value

MAX_CLIENTS = 50_000
# Sign-in, and the public endpoints that create an account or send mail to an address someone
# typed: 10 a minute per client IP, not 20 a second (no password guessing, no mail flood).
CREDENTIAL_PATHS = frozenset(
    {
        "/api/auth/token",
        "/api/auth/login",
        "/api/ambassadors/signup",
        "/api/ambassadors/password-resets",
    }
)


class TokenBuckets:
    """``rate`` tokens per second up to ``burst``; one bucket per key."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = float(burst)
        self._buckets: dict[str, tuple[float, float]] = {}

    def take(self, key: str) -> float:
        """0 when allowed, else the seconds to wait before the next token."""
        now = time.monotonic()
        tokens, last = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens >= 1.0:
            if len(self._buckets) >= MAX_CLIENTS:
                self._buckets.clear()
            self._buckets[key] = (tokens - 1.0, now)
            return 0.0
        self._buckets[key] = (tokens, now)
        return (1.0 - tokens) / self.rate


def client_ip(scope: Scope, trust_forwarded: bool) -> str:
    if trust_forwarded:
        forwarded = header_value(scope["headers"], b"x-forwarded-for")
        if forwarded:
            return forwarded.split(",")[0].strip()
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


class RateLimitMiddleware:
    """20 req/s (burst 100) on /api; 10 per minute on CREDENTIAL_PATHS."""

    def __init__(self, app: ASGIApp, settings: GatewaySettings) -> None:
        self.app = app
        self.trust_forwarded = settings.trust_forwarded
        self.api = TokenBuckets(settings.api_rate_per_second, settings.api_burst)
        self.credentials = TokenBuckets(settings.auth_rate_per_minute / 60.0, settings.auth_burst)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not path.startswith("/api/"):
            await self.app(scope, receive, send)
            return
        ip = client_ip(scope, self.trust_forwarded)
        buckets = self.credentials if path in CREDENTIAL_PATHS else self.api
        wait = buckets.take(ip)
        if wait > 0:
            seconds = max(1, math.ceil(wait))
            response = problem_response(
                429,
                f"Too many requests from your address; try again in {seconds} s.",
                instance=path,
                headers={"Retry-After": str(seconds)},
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
