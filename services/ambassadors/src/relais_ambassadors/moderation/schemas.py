from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field
from relais_common.schemas import RequestModel

from relais_ambassadors.schemas import (
    DepartmentRead,
    ListingState,
    Moderation,
    SocialAccountRead,
    Status,
    TaxonomyRef,
)

PublicField = Literal[
    "display_name", "job_title", "location", "bio", "languages", "theme_ids", "accounts"
]
MAX_BULK = 50


class FieldChange(BaseModel):
    """One public field that differs from the approved version (lists: theme names, accounts)."""

    field: PublicField
    approved: str | list[str]
    proposed: str | list[str]


class ModerationItem(BaseModel):
    """A first listing (kind "listing") or a change to a listed person's public entry."""

    ambassador_id: str
    kind: Literal["listing", "change"]
    display_name: str
    email: str
    job_title: str
    location: str
    languages: list[str]
    bio: str
    themes: list[TaxonomyRef]
    department: DepartmentRead | None
    status: Status
    moderation: Moderation
    reason: str | None
    consented_at: datetime | None
    submitted_at: datetime | None
    accounts: list[SocialAccountRead] = Field(description="All accounts; `public` marks the shown.")
    changes: list[FieldChange] = Field(
        description="Differences from the version approved before (empty for a first listing)."
    )


class PendingCount(BaseModel):
    listings: int
    changes: int
    total: int


class BulkDecision(RequestModel):
    action: Literal["approve", "reject"]
    ambassador_ids: list[str] = Field(min_length=1, max_length=MAX_BULK)
    reason: str | None = Field(None, min_length=1, max_length=600, description="For reject.")


class BulkResult(BaseModel):
    ambassador_id: str
    status: int = Field(description="200, or the status the single decision would have had.")
    detail: str | None


class BulkOutcome(BaseModel):
    results: list[BulkResult]


class Policy(RequestModel):
    moderate_changes: bool = Field(
        description="Changes to a listed person's public fields wait for approval; the approved "
        "version stays public meanwhile. Off: changes go live at once (pending ones too)."
    )


class Rejection(RequestModel):
    reason: str = Field(min_length=1, max_length=600)


class Suspension(RequestModel):
    reason: str = Field(
        min_length=1, max_length=600, description="Why; kept in the suspension ledger."
    )


class RoleChange(RequestModel):
    admin: bool = Field(description="Grant (true) or revoke (false) the core team's role.")


class AdminAmbassador(BaseModel):
    id: str
    email: str
    display_name: str
    roles: list[str]
    department: DepartmentRead | None
    status: Status
    listing: ListingState
    accounts_count: int
    created_at: datetime
