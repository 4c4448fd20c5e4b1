"""Grid rules: only the committee writes, only while a grid is a draft or sent back for
changes, every write with If-Match, no variant over its platform's limit (disclosure counted).
"""

from __future__ import annotations

from typing import Any

from relais_common.db import utcnow
from relais_common.errors import Conflict, InvalidInput, NotFound, field_error
from sqlalchemy.orm import Session

from relais_editorial.calendars.service import entry_or_404
from relais_editorial.grids.models import MessageGrid, MessageVariant
from relais_editorial.grids.reads import grid_read, grid_reads
from relais_editorial.grids.repository import GridRepository, VariantRepository
from relais_editorial.grids.rules import dates_problem, length_problem
from relais_editorial.grids.schemas import (
    GridCreate,
    GridList,
    GridRead,
    GridUpdate,
    VariantCreate,
    VariantUpdate,
)
from relais_editorial.networks.auth import NetworkAccess
from relais_editorial.networks.concurrency import require_version
from relais_editorial.networks.service import counting_of
from relais_editorial.reviews import history
from relais_editorial.reviews.rules import EDITABLE

GRID_FIELDS = ("title", "link_url", "hashtags", "mentions", "release_at", "expires_at")
VARIANT_FIELDS = ("language", "text", "position", "expires_at")


def grid_or_404(
    session: Session, access: NetworkAccess, grid_id: str, *, for_update: bool = False
) -> MessageGrid:
    grid = GridRepository.from_session(session).in_network(
        access.network.id, grid_id, for_update=for_update
    )
    if grid is None:
        raise NotFound("This network has no such message grid.")
    return grid


def read_grid(session: Session, access: NetworkAccess, grid_id: str, disclosure: str) -> GridRead:
    return grid_read(session, access, grid_or_404(session, access, grid_id), disclosure)


def list_grids(session: Session, access: NetworkAccess, entry_id: str, disclosure: str) -> GridList:
    entry = entry_or_404(session, access, entry_id)
    grids = list(GridRepository.from_session(session).of_entry(entry.id))
    return GridList(items=grid_reads(session, access, grids, disclosure))


def locked_grid(
    session: Session, access: NetworkAccess, grid_id: str, if_match: str | None, disclosure: str
) -> MessageGrid:
    """The grid, locked for this write, after the If-Match check."""
    grid = grid_or_404(session, access, grid_id, for_update=True)
    require_version(
        if_match, grid.id, grid.version, lambda: grid_read(session, access, grid, disclosure)
    )
    return grid


def _editable(grid: MessageGrid) -> None:
    if grid.status not in EDITABLE:
        raise Conflict(
            f"This grid is {grid.status.replace('_', ' ')}: it can be edited as a draft or when "
            "changes were requested.",
            status_value=grid.status,
        )


def _dates(release: Any, expires: Any) -> None:
    problem = dates_problem(release, expires)
    if problem:
        raise field_error("expires_at", problem)


def check_length(
    session: Session, access: NetworkAccess, platform: str, text: str, default: str, field: str
) -> None:
    """422 with the count and the limit when the text, disclosure included, is too long."""
    rules = counting_of(session, access.network.id, default)
    problem = length_problem(platform, text, rules.disclosure, rules.mastodon_limit)
    if problem is not None:
        message, counted = problem
        raise InvalidInput(
            message,
            errors=[{"field": field, "message": message}],
            code="too-long",
            count=counted.count,
            limit=counted.limit,
        )


def _touch(grid: MessageGrid) -> None:
    grid.version += 1
    grid.updated_at = utcnow()


def create_grid(
    session: Session, access: NetworkAccess, entry_id: str, body: GridCreate, disclosure: str
) -> GridRead:
    entry = entry_or_404(session, access, entry_id)
    _dates(body.release_at, body.expires_at)
    for n, v in enumerate(body.variants):
        check_length(session, access, v.platform, v.text, disclosure, f"variants.{n}.text")
    values = body.model_dump(include=set(GRID_FIELDS))
    grid = MessageGrid(
        entry_id=entry.id,
        network_id=access.network.id,
        author_id=access.person_id,
        status="draft",
        version=1,
        review_round=0,
        **values,
    )
    GridRepository.from_session(session).create(grid, flush=True)
    variants = VariantRepository.from_session(session)
    for v in body.variants:
        _new_variant(variants, grid, v)
    session.flush()
    history.record(session, grid, access.person_id, "created", history.field_changes({}, values))
    return grid_read(session, access, grid, disclosure)


def update_grid(
    session: Session,
    access: NetworkAccess,
    grid_id: str,
    body: GridUpdate,
    if_match: str | None,
    disclosure: str,
) -> GridRead:
    grid = locked_grid(session, access, grid_id, if_match, disclosure)
    _editable(grid)
    changes = body.model_dump(exclude_unset=True)
    if "title" in changes and changes["title"] is None:
        raise field_error("title", "A grid needs a title.")
    before = {f: getattr(grid, f) for f in changes}
    _dates(changes.get("release_at", grid.release_at), changes.get("expires_at", grid.expires_at))
    GridRepository.from_session(session).update(grid, update_dict=changes)
    _touch(grid)
    session.flush()
    history.record(
        session, grid, access.person_id, "edited", history.field_changes(before, changes)
    )
    return grid_read(session, access, grid, disclosure)


def _new_variant(
    variants: VariantRepository, grid: MessageGrid, body: VariantCreate
) -> MessageVariant:
    position = body.position
    if position is None:
        variants.session.flush()
        position = variants.next_position(grid.id, body.platform, body.language)
    return variants.create(
        MessageVariant(
            grid_id=grid.id,
            platform=body.platform,
            language=body.language,
            text=body.text,
            position=position,
            expires_at=body.expires_at,
            version=1,
        )
    )


def add_variant(
    session: Session,
    access: NetworkAccess,
    grid_id: str,
    body: VariantCreate,
    if_match: str | None,
    disclosure: str,
) -> GridRead:
    """A new variant changes the grid: If-Match is the grid's ETag."""
    grid = locked_grid(session, access, grid_id, if_match, disclosure)
    _editable(grid)
    check_length(session, access, body.platform, body.text, disclosure, "text")
    variant = _new_variant(VariantRepository.from_session(session), grid, body)
    _touch(grid)
    session.flush()
    history.record(
        session,
        grid,
        access.person_id,
        "variant_added",
        history.field_changes(
            {},
            {"platform": body.platform, "language": body.language, "text": body.text},
            prefix=f"variant:{variant.id}.",
        ),
    )
    return grid_read(session, access, grid, disclosure)


def _locked_variant(
    session: Session, access: NetworkAccess, variant_id: str, if_match: str | None, disclosure: str
) -> tuple[MessageVariant, MessageGrid]:
    variant = VariantRepository.from_session(session).in_network(
        access.network.id, variant_id, for_update=True
    )
    if variant is None:
        raise NotFound("This network has no such variant.")
    grid = grid_or_404(session, access, variant.grid_id, for_update=True)
    require_version(
        if_match,
        variant.id,
        variant.version,
        lambda: next(
            v for v in grid_read(session, access, grid, disclosure).variants if v.id == variant.id
        ),
    )
    _editable(grid)
    return variant, grid


def update_variant(
    session: Session,
    access: NetworkAccess,
    variant_id: str,
    body: VariantUpdate,
    if_match: str | None,
    disclosure: str,
) -> GridRead:
    """If-Match is the variant's ETag: two people may edit two variants of one grid at once."""
    variant, grid = _locked_variant(session, access, variant_id, if_match, disclosure)
    changes = body.model_dump(exclude_unset=True)
    for required in ("language", "text", "position"):
        if required in changes and changes[required] is None:
            raise field_error(required, "This field cannot be cleared.")
    if "text" in changes:
        check_length(session, access, variant.platform, changes["text"], disclosure, "text")
    before = {f: getattr(variant, f) for f in changes}
    VariantRepository.from_session(session).update(variant, update_dict=changes)
    variant.version += 1
    variant.updated_at = grid.updated_at = utcnow()
    session.flush()
    history.record(
        session,
        grid,
        access.person_id,
        "variant_edited",
        history.field_changes(before, changes, prefix=f"variant:{variant.id}."),
    )
    return grid_read(session, access, grid, disclosure)


def delete_variant(
    session: Session, access: NetworkAccess, variant_id: str, if_match: str | None, disclosure: str
) -> GridRead:
    variant, grid = _locked_variant(session, access, variant_id, if_match, disclosure)
    before = {"platform": variant.platform, "language": variant.language, "text": variant.text}
    VariantRepository.from_session(session).delete(variant, flush=True)
    _touch(grid)
    history.record(
        session,
        grid,
        access.person_id,
        "variant_removed",
        history.field_changes(before, {}, prefix=f"variant:{variant.id}."),
    )
    return grid_read(session, access, grid, disclosure)
