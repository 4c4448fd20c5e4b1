"""Networks on the wire: what the core team sends, and what everyone reads."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Literal

from pydantic import BaseModel, Field, field_validator
from relais_common.schemas import RequestModel
from relais_common.text import clean_text

from relais_ambassadors.schemas import TaxonomyRef
from relais_ambassadors.validation import clean_name

Visibility = Literal["open", "request", "invitation"]
Role = Literal["chair", "committee", "member"]
Phase = Literal["promotion", "education", "action", "lessons", "consolidation"]
MyStatus = Literal["member", "requested", "invited"]
ThemeIds = list[str]
_PURPOSE = "Cloud security: explain, with our engineers' voices, how we protect customers' data."


def _clean_optional_name(value: str | None) -> str | None:
    return None if value is None else clean_name(value)


def _clean_optional_text(value: str | None) -> str | None:
    return None if value is None else clean_text(value, multiline=True)


class NetworkCreate(RequestModel):
    name: str = Field(max_length=120, examples=["Cloud security"])
    purpose: str = Field("", max_length=2000, examples=[_PURPOSE])
    theme_ids: ThemeIds = Field(default_factory=list, max_length=20)
    visibility: Visibility = Field(
        "open",
        description="open: anyone joins; request: the "
        "committee accepts; invitation: invited people only",
    )
    chair_id: str = Field(max_length=64, description="The ambassador appointed chair")

    _name = field_validator("name")(clean_name)
    _purpose = field_validator("purpose")(partial(clean_text, multiline=True))


class NetworkUpdate(RequestModel):
    """Only the fields sent change; send the ETag you read in If-Match."""

    name: str | None = Field(None, max_length=120)
    purpose: str | None = Field(None, max_length=2000)
    theme_ids: ThemeIds | None = Field(None, max_length=20)
    visibility: Visibility | None = None

    _name = field_validator("name")(_clean_optional_name)
    _purpose = field_validator("purpose")(_clean_optional_text)


class ChairAppointment(RequestModel):
    ambassador_id: str = Field(max_length=64)
    keep_current: bool = Field(
        False, description="Keep the current chairs as chairs (else they become committee)"
    )


class NetworkRead(BaseModel):
    id: str
    slug: str
    name: str
    purpose: str
    visibility: Visibility
    themes: list[TaxonomyRef]
    current_phase: Phase
    member_count: int
    my_status: MyStatus | None = Field(description="The caller's place: null for none")
    my_role: Role | None = Field(description="The caller's role once a member")
    archived_at: datetime | None
    created_at: datetime
    version: int
