"""If-Match for editorial's shared objects: a stale edit gets 412 with the current version.

The body of the 412 carries ``current_etag`` and ``current`` (the object as it is now), so the
SPA keeps what the person typed and offers the other version beside it.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel
from relais_common.concurrency import check_if_match
from relais_common.errors import PreconditionFailed


def require_version(
    if_match: str | None, entity_id: str, version: int, current: Callable[[], BaseModel]
) -> None:
    try:
        check_if_match(if_match, entity_id, version)
    except PreconditionFailed as exc:
        exc.extra["current"] = current().model_dump(mode="json")
        raise
