"""A health-based circuit breaker: a service that stops answering /livez is refused at once.

A hung service (process stopped, kernel still accepting TCP connections) would otherwise
hold every request until the 30 s request timeout. One probe task per service asks /livez
every `health_interval` seconds with a short timeout; `failures` failed probes in a row mark
the service down (one slow probe, e.g. an event loop busy for a second, is not an outage),
which also cuts the requests already waiting on it (their asyncio.timeout is moved to now).
The first successful probe marks it up again. Until a service has answered once it is
starting, not failing: it is marked down the same way, but without a warning.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from types import TracebackType

import aiohttp

log = logging.getLogger("relais.gateway.breaker")


class ServiceDown(Exception):
    """Raised on the hot path when the service is marked down."""


class Breaker:
    """Up/down state of one service and the in-flight requests to cut when it goes down."""

    def __init__(self, service: str, failures: int = 1) -> None:
        self.service = service
        self.failures = max(1, failures)
        self.down = False
        self.failed_in_a_row = 0
        self.seen_up = False
        self.times_down = 0  # after having been up (what an operator would call an outage)
        self.waiting: set[asyncio.Timeout] = set()

    def guard(self) -> Guard:
        """Runs a block unless the service is down; raises ServiceDown if it goes down meanwhile."""
        return Guard(self)

    def mark(self, healthy: bool) -> None:
        """One probe's outcome."""
        if healthy:
            self.failed_in_a_row = 0
            if self.down or not self.seen_up:
                (log.warning if self.seen_up else log.info)("service %s is up", self.service)
            self.down, self.seen_up = False, True
            return
        self.failed_in_a_row += 1
        if self.down or self.failed_in_a_row < self.failures:
            return
        self.down = True
        if not self.seen_up:
            return  # still starting (or never started): fail fast, but quietly
        self.times_down += 1
        log.warning(
            "service %s marked down (%d health checks failed in a row)",
            self.service,
            self.failed_in_a_row,
        )
        now = asyncio.get_running_loop().time()
        for timeout in list(self.waiting):
            timeout.reschedule(now)


class Guard:
    """An asyncio.timeout with no deadline, moved to now when the service goes down."""

    __slots__ = ("breaker", "timeout")

    def __init__(self, breaker: Breaker) -> None:
        self.breaker = breaker
        self.timeout = asyncio.timeout(None)

    async def __aenter__(self) -> None:
        if self.breaker.down:
            raise ServiceDown
        self.breaker.waiting.add(self.timeout)
        await self.timeout.__aenter__()

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.breaker.waiting.discard(self.timeout)
        try:
            await self.timeout.__aexit__(kind, exc, tb)
        except TimeoutError:
            if self.timeout.expired():
                raise ServiceDown from None
            raise


async def probe(session: aiohttp.ClientSession, url: str, timeout: aiohttp.ClientTimeout) -> bool:
    try:
        async with session.get(url, timeout=timeout) as resp:
            await resp.read()
            return resp.status == 200
    except (aiohttp.ClientError, TimeoutError):
        return False


async def watch(
    breaker: Breaker,
    session_of: Callable[[], aiohttp.ClientSession | None],
    url: str,
    interval: float,
    timeout: float,
) -> None:
    """Probe `url` forever (until cancelled) and keep `breaker` up to date."""
    client_timeout = aiohttp.ClientTimeout(total=timeout)
    while True:
        session = session_of()
        if session is None or session.closed:
            return
        breaker.mark(await probe(session, url, client_timeout))
        await asyncio.sleep(interval)
