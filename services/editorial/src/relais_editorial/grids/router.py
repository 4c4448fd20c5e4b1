"""Message grids of a calendar entry, and their variants (the committee writes, with If-Match)."""

from __future__ import annotations

from fastapi import Response
from relais_common.concurrency import IfMatch, set_etag
from relais_common.db import DbSession
from relais_common.routing import api_router

from relais_editorial.config import EditorialSettings
from relais_editorial.grids import service
from relais_editorial.grids.schemas import (
    GridCreate,
    GridList,
    GridRead,
    GridUpdate,
    VariantCreate,
    VariantUpdate,
)
from relais_editorial.networks.auth import CommitteeOf, MemberOf

router = api_router("grids")
GRID = "/networks/{slug}/grids/{grid_id}"
VARIANT = "/networks/{slug}/variants/{variant_id}"


@router.get("/networks/{slug}/entries/{entry_id}/grids", response_model=GridList, name="list")
def list_grids(
    entry_id: str, session: DbSession, access: MemberOf, settings: EditorialSettings
) -> GridList:
    return service.list_grids(session, access, entry_id, settings.default_disclosure)


@router.post(
    "/networks/{slug}/entries/{entry_id}/grids",
    response_model=GridRead,
    status_code=201,
    name="create",
)
def create_grid(
    entry_id: str,
    body: GridCreate,
    session: DbSession,
    access: CommitteeOf,
    settings: EditorialSettings,
    response: Response,
) -> GridRead:
    """A draft grid, maybe with its first variants (each within its platform's limit)."""
    grid = service.create_grid(session, access, entry_id, body, settings.default_disclosure)
    set_etag(response, grid.id, grid.version)
    return grid


@router.get(GRID, response_model=GridRead, name="read")
def read_grid(
    grid_id: str,
    session: DbSession,
    access: MemberOf,
    settings: EditorialSettings,
    response: Response,
) -> GridRead:
    grid = service.read_grid(session, access, grid_id, settings.default_disclosure)
    set_etag(response, grid.id, grid.version)
    return grid


@router.patch(GRID, response_model=GridRead, name="update")
def update_grid(
    grid_id: str,
    body: GridUpdate,
    session: DbSession,
    access: CommitteeOf,
    settings: EditorialSettings,
    response: Response,
    if_match: IfMatch = None,
) -> GridRead:
    grid = service.update_grid(
        session, access, grid_id, body, if_match, settings.default_disclosure
    )
    set_etag(response, grid.id, grid.version)
    return grid


@router.post(f"{GRID}/variants", response_model=GridRead, status_code=201, name="add_variant")
def add_variant(
    grid_id: str,
    body: VariantCreate,
    session: DbSession,
    access: CommitteeOf,
    settings: EditorialSettings,
    response: Response,
    if_match: IfMatch = None,
) -> GridRead:
    """If-Match: the grid's ETag (a new variant changes the grid)."""
    grid = service.add_variant(
        session, access, grid_id, body, if_match, settings.default_disclosure
    )
    set_etag(response, grid.id, grid.version)
    return grid


@router.patch(VARIANT, response_model=GridRead, name="update_variant")
def update_variant(
    variant_id: str,
    body: VariantUpdate,
    session: DbSession,
    access: CommitteeOf,
    settings: EditorialSettings,
    response: Response,
    if_match: IfMatch = None,
) -> GridRead:
    """If-Match: the variant's ETag (its ``version``); answers the grid, the variant's ETag."""
    grid = service.update_variant(
        session, access, variant_id, body, if_match, settings.default_disclosure
    )
    variant = next(v for v in grid.variants if v.id == variant_id)
    set_etag(response, variant.id, variant.version)
    return grid


@router.delete(VARIANT, response_model=GridRead, name="delete_variant")
def delete_variant(
    variant_id: str,
    session: DbSession,
    access: CommitteeOf,
    settings: EditorialSettings,
    response: Response,
    if_match: IfMatch = None,
) -> GridRead:
    """If-Match: the variant's ETag; answers the grid with its new ETag."""
    grid = service.delete_variant(
        session, access, variant_id, if_match, settings.default_disclosure
    )
    set_etag(response, grid.id, grid.version)
    return grid
