"""What admins read and send to moderate the Planet."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field
from relais_common.schemas import RequestModel

Keyword = Annotated[str, Field(min_length=2, max_length=200)]


class Blocklist(BaseModel):
    keywords: list[str]


class BlocklistChange(RequestModel):
    """The whole list (replaces it): a post whose title, excerpt or category holds one of these
    words (case-insensitive, whole words) leaves every output."""

    keywords: Annotated[list[Keyword], Field(max_length=500)]


class ItemModeration(RequestModel):
    hidden: bool = Field(description="Hidden by an admin: gone from every output")
    pinned: bool = Field(description="Pinned: leads the river")


class ModeratedItem(BaseModel):
    id: str
    person_id: str
    title: str
    link: str | None
    published_at: datetime
    hidden_by_owner: bool
    hidden_by_admin: bool
    pinned: bool
