"""Review actions, the history of a grid, and the review queue."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, Field, field_validator
from relais_common.schemas import RequestModel
from relais_common.text import clean_text, has_visible_text

Comment = Annotated[str, Field(max_length=5000)]


def _comment(value: str | None) -> str | None:
    if value is None:
        return None
    text = clean_text(value, multiline=True).strip()
    if not has_visible_text(text):
        raise ValueError("Write the comment (it cannot be empty).")
    return text


class ReviewAction(RequestModel):
    comment: Comment | None = Field(None, description="Kept as a comment on the grid")

    @field_validator("comment")
    @classmethod
    def _clean(cls, value: str | None) -> str | None:
        return _comment(value)


class ChangeRequest(RequestModel):
    comment: Comment = Field(description="What to change (required)")

    @field_validator("comment")
    @classmethod
    def _clean(cls, value: str) -> str:
        cleaned = _comment(value)
        assert cleaned is not None
        return cleaned


class RevisionRead(BaseModel):
    id: str
    actor_id: str | None
    actor_name: str | None
    action: str
    changes: list[dict[str, Any]]
    grid_version: int
    at: datetime


class RevisionList(BaseModel):
    items: list[RevisionRead]
    next_cursor: str | None = None


class QueueItem(BaseModel):
    grid_id: str
    entry_id: str
    title: str
    network_slug: str
    network_name: str
    author_name: str | None
    submitted_at: datetime | None
    step: str | None = Field(description="multi_step: the step awaiting me")


class ReviewQueue(BaseModel):
    count: int = Field(description="Grids awaiting my approval")
    items: list[QueueItem]
