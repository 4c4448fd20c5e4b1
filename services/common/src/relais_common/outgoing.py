"""Outgoing fetches that cannot starve anyone: bounded, timed, and never holding the database.

A request that reads a remote site (feed discovery) waits on someone else's server. Held in a
worker thread with a pooled connection, 60 previews of a hanging site exhausted both pools
and other people's ``GET /me`` took 30 s. So: the request gives its connection back first
(:func:`release_connection`), fetches on the event loop through the SSRF guard, with a total
timeout, in one of a bounded number of slots (:class:`FetchSlots`); when every slot is taken
it is refused at once with 503 and Retry-After instead of queueing.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from relais_common.errors import ServiceUnavailable
from relais_common.ssrf import DEFAULT_MAX_BYTES, FetchResult, SSRFGuard, fetch

RETRY_AFTER_SECONDS = 5


class FetchSlots:
    """At most ``limit`` outgoing fetches at a time in this process, each within ``timeout``,
    every one through ``guard``."""

    def __init__(self, limit: int, timeout: float, guard: SSRFGuard) -> None:
        self.limit = limit
        self.timeout = timeout
        self.guard = guard
        self.in_flight = 0

    async def fetch(self, url: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> FetchResult:
        """GET ``url`` through the guard; 503 at once when every slot is taken."""
        if self.in_flight >= self.limit:  # no await between the check and the count
            raise ServiceUnavailable(
                "Too many web sites are being read right now; try again in a few seconds.",
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
                code="outgoing-fetches-busy",
            )
        self.in_flight += 1
        try:
            return await fetch(url, guard=self.guard, timeout=self.timeout, max_bytes=max_bytes)
        finally:
            self.in_flight -= 1


async def get_fetch_slots(request: Request) -> FetchSlots:
    """Async: a dependency resolved in a thread would cost a hop for nothing."""
    slots: FetchSlots = request.app.state.fetch_slots
    return slots


OutgoingFetches = Annotated[FetchSlots, Depends(get_fetch_slots)]


def release_connection(session: Session) -> None:
    """End the request's transaction before outgoing I/O, so no pooled connection waits on a
    remote site. Only reads may have happened (checks, the signed-in person): loaded objects
    stay usable (``expire_on_commit=False``) and the session begins anew when used again.

    On the event loop on purpose: the COMMIT of a read-only transaction is one short round
    trip, while a thread hop can wait behind threads that wait for a connection. Under a burst
    (60 requests: 40 threads, 15 connections) every thread was blocked in the pool and every
    connection was held by a request waiting for a thread: 30 s, then 500s.
    """
    if session.new or session.dirty or session.deleted:
        raise RuntimeError("changes are pending: write after the outgoing fetch, not before")
    if session.in_transaction():
        session.commit()
