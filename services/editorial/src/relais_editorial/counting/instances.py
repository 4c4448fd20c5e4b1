"""A Mastodon instance's own status limit, read from its public API and remembered.

``GET https://<instance>/api/v2/instance`` → ``configuration.statuses.max_characters``, else
``/api/v1/instance`` → ``max_toot_chars`` (Pleroma, glitch-soc) or the same ``configuration``.
Only through relais_common's SSRF-safe :class:`FetchSlots` (its guard, a short timeout of our
own); a limit is kept :data:`TTL_SECONDS`, a failure (timeout, refused address, not JSON)
answers 500 and is kept :data:`FAILURE_TTL_SECONDS`, at most :data:`MAX_ENTRIES` instances
(least recently used dropped). Concurrent asks for one instance share one fetch.
:meth:`InstanceLimits.lookup` also says where the limit came from (the instance, or the default
after a failure): a network's settings store both (networks/service.py).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import regex
from relais_common.errors import field_error
from relais_common.outgoing import FetchSlots
from relais_common.ssrf import SSRFGuard

from relais_editorial.counting.rules import MASTODON_DEFAULT_LIMIT

TTL_SECONDS = 24 * 3600.0
FAILURE_TTL_SECONDS = 300.0
MAX_ENTRIES = 1024
FETCH_TIMEOUT_SECONDS = 3.0
FETCH_LIMIT = 4
MAX_BYTES = 512 * 1024
MAX_LIMIT = 1_000_000
_HOST = regex.compile(r"^(?:https?://)?([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::[0-9]{1,5})?)/?$")
log = logging.getLogger("relais.editorial.counting")
LimitSource = Literal["instance", "default"]


@dataclass(frozen=True, slots=True)
class InstanceLimit:
    """A Mastodon limit and where it came from: the instance's API, or the default (500)."""

    value: int
    source: LimitSource


DEFAULT_LIMIT = InstanceLimit(MASTODON_DEFAULT_LIMIT, "default")


def instance_origin(instance: str) -> str:
    """``mastodon.social`` → ``https://mastodon.social``; an ``http(s)://host[:port]`` origin
    is kept as written. Anything else is a 422 on ``instance``."""
    text = instance.strip().lower()
    match = _HOST.match(text)
    if not match or ".." in match.group(1):
        raise field_error(
            "instance", "Give the Mastodon instance's host name, e.g. mastodon.social."
        )
    scheme = "http://" if text.startswith("http://") else "https://"
    host: str = match.group(1)
    return scheme + host


def instance_host(instance: str) -> str:
    """The instance as a network's settings keep it: ``mastodon.social`` (https, the usual),
    else the ``http://host[:port]`` origin as written. A 422 on ``instance`` like
    :func:`instance_origin`."""
    return instance_origin(instance).removeprefix("https://")


def _limit_from(document: Any) -> int | None:
    if not isinstance(document, dict):
        return None
    configuration = document.get("configuration")
    statuses = configuration.get("statuses") if isinstance(configuration, dict) else None
    candidates = [
        statuses.get("max_characters") if isinstance(statuses, dict) else None,
        document.get("max_toot_chars"),
    ]
    for value in candidates:
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_LIMIT:
            return value
    return None


class InstanceLimits:
    """The remembered limits of the instances this process was asked about."""

    def __init__(
        self,
        guard: SSRFGuard,
        *,
        clock: Callable[[], float] = time.monotonic,
        timeout: float = FETCH_TIMEOUT_SECONDS,
    ) -> None:
        self.slots = FetchSlots(FETCH_LIMIT, timeout, guard)
        self.clock = clock
        self.cache: OrderedDict[str, tuple[InstanceLimit, float]] = OrderedDict()
        self.pending: dict[str, asyncio.Future[InstanceLimit]] = {}

    def cached(self, origin: str) -> InstanceLimit | None:
        entry = self.cache.get(origin)
        if entry is None or entry[1] <= self.clock():
            return None
        self.cache.move_to_end(origin)
        return entry[0]

    async def limit(self, instance: str) -> int:
        return (await self.lookup(instance)).value

    async def lookup(self, instance: str) -> InstanceLimit:
        """The instance's limit, or the default when it cannot be read (a 422 on a bad host)."""
        origin = instance_origin(instance)
        known = self.cached(origin)
        if known is not None:
            return known
        if origin in self.pending:
            return await asyncio.shield(self.pending[origin])
        future: asyncio.Future[InstanceLimit] = asyncio.get_running_loop().create_future()
        self.pending[origin] = future
        try:
            value = await self._read(origin)
            future.set_result(value)
            return value
        finally:
            del self.pending[origin]
            if not future.done():
                future.cancel()

    async def _read(self, origin: str) -> InstanceLimit:
        for path in ("/api/v2/instance", "/api/v1/instance"):
            try:
                result = await self.slots.fetch(origin + path, max_bytes=MAX_BYTES)
                found = _limit_from(json.loads(result.body)) if result.status == 200 else None
            except Exception as exc:  # any failure means "use the default"
                log.info("instance limit of %s unreadable: %s", origin, exc)
                found = None
            if found is not None:
                return self._remember(origin, InstanceLimit(found, "instance"), TTL_SECONDS)
        return self._remember(origin, DEFAULT_LIMIT, FAILURE_TTL_SECONDS)

    def _remember(self, origin: str, value: InstanceLimit, ttl: float) -> InstanceLimit:
        self.cache[origin] = (value, self.clock() + ttl)
        self.cache.move_to_end(origin)
        while len(self.cache) > MAX_ENTRIES:
            self.cache.popitem(last=False)
        return value
