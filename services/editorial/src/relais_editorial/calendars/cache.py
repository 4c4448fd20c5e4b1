"""The month/week view as ready bytes, kept while nothing it shows has changed.

Building the view (60 entries, their grids and variant counts) costs tens of milliseconds of
ORM and pydantic work; checking that a kept copy is still right costs one small query (the
entries' and grids' counts and latest ``updated_at``, every write to them moves one) plus the
network row already read for the role check (a member's name change touches it). A copy
also expires when one of its grids does (``expired`` is part of the view). Per process, a few
hundred views at most; replicas each keep their own.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from threading import Lock
from typing import Any

MAX_VIEWS = 256


@dataclass(frozen=True)
class KeptView:
    fingerprint: tuple[Any, ...]
    body: bytes
    valid_until: datetime | None
    # hashed once when kept, not on every answer (a month is ~35 KB)
    etag: str = field(init=False)

    def __post_init__(self) -> None:
        digest = hashlib.sha256(self.body).hexdigest()[:24]
        object.__setattr__(self, "etag", f'"cal-{digest}"')


class ViewCache:
    def __init__(self, size: int = MAX_VIEWS) -> None:
        self.size = size
        self.views: OrderedDict[tuple[str, datetime, datetime], KeptView] = OrderedDict()
        self.lock = Lock()

    def get(
        self, key: tuple[str, datetime, datetime], fingerprint: tuple[Any, ...], now: datetime
    ) -> KeptView | None:
        with self.lock:
            kept = self.views.get(key)
            if kept is None:
                return None
            if kept.fingerprint != fingerprint or (
                kept.valid_until is not None and kept.valid_until <= now
            ):
                del self.views[key]
                return None
            self.views.move_to_end(key)
            return kept

    def put(self, key: tuple[str, datetime, datetime], view: KeptView) -> None:
        with self.lock:
            self.views[key] = view
            self.views.move_to_end(key)
            while len(self.views) > self.size:
                self.views.popitem(last=False)
