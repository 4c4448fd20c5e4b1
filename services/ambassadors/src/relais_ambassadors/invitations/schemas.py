from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, field_validator
from relais_common.schemas import RequestModel

from relais_ambassadors.schemas import DepartmentRead
from relais_ambassadors.validation import clean_name, normalise_email


class InvitationCreate(RequestModel):
    email: str = Field(max_length=254, examples=["jane.doe@example.com"])
    display_name: str = Field("", max_length=120)
    department_id: str | None = Field(None, max_length=64)
    location: str = Field("", max_length=120)

    _email = field_validator("email")(normalise_email)


class InvitationRead(BaseModel):
    id: str
    email: str
    display_name: str
    department: DepartmentRead | None
    location: str
    status: Literal["pending", "accepted", "expired", "revoked"]
    expires_at: datetime
    accepted_at: datetime | None
    created_at: datetime


class InvitationPublic(BaseModel):
    email: str
    display_name: str
    department: DepartmentRead | None
    expires_at: datetime


class InvitationAccept(RequestModel):
    password: str = Field(min_length=10, max_length=200)
    display_name: str | None = Field(None, max_length=120)
    locale: Literal["fr", "en"] | None = None

    @field_validator("display_name")
    @classmethod
    def _name(cls, value: str | None) -> str | None:
        return None if value is None else clean_name(value)


class SkippedLine(BaseModel):
    line: int
    email: str
    reason: str


class LineError(BaseModel):
    line: int
    message: str


class ImportReport(BaseModel):
    created: int
    skipped: list[SkippedLine]
    errors: list[LineError]
