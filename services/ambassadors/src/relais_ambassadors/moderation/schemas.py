from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field
from relais_common.schemas import RequestModel

from relais_ambassadors.schemas import (
    DepartmentRead,
    ListingState,
    Moderation,
    SocialAccountRead,
    Status,
)


class ModerationItem(BaseModel):
    ambassador_id: str
    display_name: str
    email: str
    job_title: str
    department: DepartmentRead | None
    status: Status
    moderation: Moderation
    reason: str | None
    consented_at: datetime | None
    accounts: list[SocialAccountRead]


class Rejection(RequestModel):
    reason: str = Field(min_length=1, max_length=600)


class Suspension(RequestModel):
    reason: str = Field(
        min_length=1, max_length=600, description="Why; kept in the suspension ledger."
    )


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
