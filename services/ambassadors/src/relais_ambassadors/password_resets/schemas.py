from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field, field_validator
from relais_common.schemas import RequestModel

from relais_ambassadors.validation import normalise_email


class ResetRequest(RequestModel):
    email: str = Field(max_length=254, examples=["jane.doe@example.com"])

    _email = field_validator("email")(normalise_email)


class ResetRequested(BaseModel):
    detail: str


class ResetLink(BaseModel):
    expires_at: datetime


class NewPassword(RequestModel):
    password: str = Field(min_length=10, max_length=200)
