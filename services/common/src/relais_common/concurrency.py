"""Optimistic concurrency: ETag on reads, If-Match required on writes, 412 on mismatch."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header, Response

from relais_common.errors import PreconditionFailed, PreconditionRequired


def etag_of(entity_id: str, version: int) -> str:
    return f'"{entity_id}.{version}"'


def set_etag(response: Response, entity_id: str, version: int) -> None:
    response.headers["ETag"] = etag_of(entity_id, version)


def check_if_match(if_match: str | None, entity_id: str, version: int) -> None:
    if not if_match:
        raise PreconditionRequired(
            "Send the ETag you last read in an If-Match header, so that concurrent edits "
            "never overwrite each other."
        )
    current = etag_of(entity_id, version)
    candidates = {c.strip().removeprefix("W/") for c in if_match.split(",")}
    if "*" not in candidates and current not in candidates:
        raise PreconditionFailed(
            "Someone changed this since you loaded it. Reload, re-apply your edit and save again.",
            current_etag=current,
        )


IfMatch = Annotated[str | None, Header(alias="If-Match", description="ETag from the last read")]
