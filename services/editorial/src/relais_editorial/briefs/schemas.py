from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from relais_common.schemas import RequestModel
from relais_common.text import clean_name, clean_text

BriefStatus = Literal["open", "in_progress", "delivered", "cancelled"]
Title = Annotated[str, AfterValidator(lambda v: clean_name(v, limit=200))]
Description = Annotated[
    str, Field(max_length=10_000), AfterValidator(lambda v: clean_text(v, multiline=True))
]
PersonId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9:_.-]+$")]


class BriefCreate(RequestModel):
    title: Title
    description: Description = ""
    entry_id: str | None = Field(None, description="The calendar entry it is for, if any.")
    assignee_id: PersonId | None = Field(None, description="Any employee (a person id).")
    status: BriefStatus = "open"
    due_date: date | None = None


class BriefUpdate(RequestModel):
    """Send only the fields you change (`null` clears entry, assignee or due date)."""

    title: Title | None = None
    description: Description | None = None
    entry_id: str | None = None
    assignee_id: PersonId | None = None
    status: BriefStatus | None = None
    due_date: date | None = None


class BriefStatusChange(RequestModel):
    status: BriefStatus


class BriefRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    network_id: str
    entry_id: str | None
    title: str
    description: str
    assignee_id: str | None
    status: BriefStatus
    due_date: date | None
    credited_person_id: str | None
    credited_name: str | None
    created_at: datetime
    updated_at: datetime
    version: int
