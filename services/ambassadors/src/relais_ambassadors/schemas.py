"""Read models shared by several nouns (Me embeds departments, themes and accounts)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

Status = Literal["pending", "active", "suspended"]
Moderation = Literal["none", "pending", "approved", "rejected"]
# a listed person's change to public fields: waiting for approval, or declined (with a reason)
ChangeState = Literal["none", "pending", "declined"]


class ORMModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class TaxonomyRef(BaseModel):
    """A department or theme as a list shows it: no counts to compute per row."""

    id: str
    slug: str
    name: str


class DepartmentRead(ORMModel):
    id: str
    name: str
    slug: str
    archived_at: datetime | None
    member_count: int
    version: int


class ThemeRead(ORMModel):
    id: str
    slug: str
    name: str
    description: str
    archived_at: datetime | None
    ambassador_count: int
    version: int


class SocialAccountRead(ORMModel):
    id: str
    platform: str
    handle: str
    profile_url: str
    feed_url: str | None
    public: bool
    consented_at: datetime | None
    posts_public: bool = False  # the consent to show this account's posts
    posts_consented_at: datetime | None = None
    created_at: datetime


class CharterState(BaseModel):
    current_version: int | None
    accepted_version: int | None


class ListingState(BaseModel):
    public: bool
    moderation: Moderation
    reason: str | None
    consented_at: datetime | None
    listed: bool
    change: ChangeState = "none"
    change_reason: str | None = None


class Me(BaseModel):
    id: str
    email: str
    roles: list[str]
    display_name: str
    job_title: str
    department: DepartmentRead | None
    location: str
    languages: list[str]
    bio: str
    themes: list[ThemeRead]
    locale: str
    status: Status
    charter: CharterState
    listing: ListingState
    accounts: list[SocialAccountRead]
    version: int
    created_at: datetime
