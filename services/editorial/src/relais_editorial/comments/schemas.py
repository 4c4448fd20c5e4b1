"""Comments on a grid or one of its variants."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, field_validator
from relais_common.schemas import RequestModel
from relais_common.text import clean_text, has_visible_text


class CommentCreate(RequestModel):
    body: Annotated[str, Field(min_length=1, max_length=5000)]
    variant_id: Annotated[str, Field(max_length=64)] | None = Field(
        None, description="The variant it is about; null: the whole grid"
    )

    @field_validator("body")
    @classmethod
    def _body(cls, value: str) -> str:
        text = clean_text(value, multiline=True).strip()
        if not has_visible_text(text):
            raise ValueError("Write the comment (it cannot be empty).")
        return text


class CommentRead(BaseModel):
    id: str
    grid_id: str
    variant_id: str | None
    author_id: str | None = Field(description="null once the author was erased")
    author_name: str | None
    body: str
    created_at: datetime


class CommentList(BaseModel):
    items: list[CommentRead]
    next_cursor: str | None = None
