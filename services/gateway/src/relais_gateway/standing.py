"""Whether a signed-in person may still act, asked of ambassadors once for every service.

Sessions and access tokens are signed tokens: they outlive an erasure, a suspension and a
"sign out everywhere". So before proxying an authenticated request anywhere, the gateway asks
ambassadors (GET /internal/identities/{user_id}) for the person's standing, keeps the answer
a few seconds (bounded, one lookup in flight per person however many requests arrive), refuses
a session the standing voids and forwards the roles the person has now. A write through this
gateway that changes a standing (sign out everywhere, a new password, a suspension...) drops
the cached ones at once; other gateway replicas see it within the cache's few seconds.

When ambassadors cannot say (down, slow, any other answer): reads go on with the roles in the
token (a few seconds of staleness, as before this check existed), writes are refused with 503
(fail closed: an erased or suspended person must not change anything meanwhile).
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from urllib.parse import quote

import aiohttp
from relais_common.auth import IDENTITY_HEADER, service_token

from relais_gateway.tokens import Caller
from relais_gateway.upstreams import Upstreams

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Ambassadors paths whose writes may change other people's standing (suspension, roles, a reset
# password, a confirmed address): after one succeeds, every cached standing is dropped.
OTHERS_STANDING_PATHS = ("/admin/", "/password-resets/", "/email-verifications/")
ERASED = "This account no longer exists; please sign in again."
REVOKED = "Your password was changed or you signed out everywhere since; please sign in again."
SUSPENDED = "This account is suspended; please contact the core team."
UNKNOWN = "Your account cannot be checked right now (the ambassadors service does not answer)."


@dataclass(frozen=True)
class Standing:
    """What ambassadors says about a person now (None stands for erased or unknown)."""

    active: bool
    roles: frozenset[str]
    sessions_revoked_at_ms: int | None


class StandingUnknown(Exception):
    """Ambassadors could not say (down, slow or an unexpected answer)."""


Fetch = Callable[[str], Awaitable[Standing | None]]


class Standings:
    """A TTL cache of standings with single-flight lookups, bounded in size."""

    def __init__(self, fetch: Fetch, ttl: float, max_size: int) -> None:
        self.fetch = fetch
        self.ttl = ttl
        self.max_size = max_size
        self._cache: OrderedDict[str, tuple[float, Standing | None]] = OrderedDict()
        self._inflight: dict[str, asyncio.Task[Standing | None]] = {}
        self._generation = 0  # bumped when entries are dropped: older lookups are not stored

    async def get(self, user_id: str) -> Standing | None:
        """The standing of `user_id` (None: erased); raises StandingUnknown."""
        hit = self._cache.get(user_id)
        if hit is not None and time.monotonic() < hit[0]:
            self._cache.move_to_end(user_id)  # least recently used leaves first
            return hit[1]
        task = self._inflight.get(user_id)
        if task is None:
            task = asyncio.ensure_future(self.fetch(user_id))
            self._inflight[user_id] = task
            generation = self._generation
            task.add_done_callback(lambda done: self._settle(user_id, done, generation))
        return await asyncio.shield(task)  # a cancelled waiter never cancels the others' lookup

    def _settle(self, user_id: str, task: asyncio.Task[Standing | None], generation: int) -> None:
        if self._inflight.get(user_id) is task:
            del self._inflight[user_id]
        if task.cancelled() or task.exception() is not None or generation != self._generation:
            return  # not cached: the next request asks again
        self._cache[user_id] = (time.monotonic() + self.ttl, task.result())
        self._cache.move_to_end(user_id)
        while len(self._cache) > self.max_size:
            self._cache.popitem(last=False)

    def after_write(self, caller: Caller | None, path: str) -> None:
        """A write to ambassadors succeeded: drop the standings it may have changed."""
        self._generation += 1
        if path.startswith(OTHERS_STANDING_PATHS):
            self._cache.clear()
            self._inflight.clear()
        elif caller is not None:
            self._cache.pop(caller.user_id, None)
            self._inflight.pop(caller.user_id, None)

    async def admit(self, caller: Caller, method: str) -> tuple[Caller | None, str | None]:
        """(the caller with fresh roles, None) or (None, why it is refused with 401)."""
        try:
            standing = await self.get(caller.user_id)
        except StandingUnknown:
            if method in SAFE_METHODS:
                return caller, None
            raise
        why = refusal(caller, standing)
        if why is not None or standing is None:
            return None, why or ERASED
        if caller.roles == standing.roles:
            return caller, None
        return replace(caller, roles=standing.roles), None


def refusal(caller: Caller, standing: Standing | None) -> str | None:
    if standing is None:
        return ERASED
    revoked = standing.sessions_revoked_at_ms
    if revoked is not None and (caller.signed_in_ms is None or caller.signed_in_ms < revoked):
        return REVOKED
    if not standing.active:
        return SUSPENDED
    return None


def ambassadors_fetch(upstreams: Upstreams) -> Fetch:
    """GET /internal/identities/{user_id} on ambassadors, with the gateway's service identity."""
    settings = upstreams.settings
    timeout = aiohttp.ClientTimeout(total=settings.identity_timeout)

    async def fetch(user_id: str) -> Standing | None:
        if upstreams.breakers["ambassadors"].down:
            raise StandingUnknown
        url = upstreams.urls["ambassadors"] + "/internal/identities/" + quote(user_id, safe="")
        headers = {IDENTITY_HEADER: service_token(settings.internal_secret, "gateway")}
        try:
            session = upstreams.session("ambassadors")
            async with session.get(url, headers=headers, timeout=timeout) as resp:
                if resp.status == 404:
                    return None
                if resp.status != 200:
                    raise StandingUnknown
                body = await resp.json(content_type=None)
            revoked = body.get("sessions_revoked_at_ms")
            return Standing(
                active=bool(body["active"]),
                roles=frozenset(str(r) for r in body["roles"]),
                sessions_revoked_at_ms=int(revoked) if revoked is not None else None,
            )
        except (aiohttp.ClientError, TimeoutError, ValueError, KeyError, TypeError) as exc:
            raise StandingUnknown from exc

    return fetch
