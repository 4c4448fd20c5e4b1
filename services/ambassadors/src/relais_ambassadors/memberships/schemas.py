"""Memberships on the wire."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Literal

from pydantic import BaseModel, Field, field_validator
from relais_common.schemas import RequestModel
from relais_common.text import clean_text

from relais_ambassadors.networks.schemas import Role
from relais_ambassadors.schemas import TaxonomyRef

Reason = Literal["joined", "accepted", "invitation-accepted", "appointed", "left", "removed"]


class JoinRequest(RequestModel):
    note: str = Field("", max_length=600, examples=["I speak at cloud conferences."])

    _note = field_validator("note")(partial(clean_text, multiline=True))


class InvitationCreate(RequestModel):
    ambassador_id: str = Field(max_length=64)
    note: str = Field("", max_length=600)

    _note = field_validator("note")(partial(clean_text, multiline=True))


class RoleUpdate(RequestModel):
    role: Role = Field(examples=["committee"])


class MemberRead(BaseModel):
    ambassador_id: str
    display_name: str
    job_title: str
    department: TaxonomyRef | None
    status: Literal["member", "requested", "invited"]
    role: Role | None = Field(description="Null while a request or invitation waits")
    note: str
    created_at: datetime
    joined_at: datetime | None


class MyMembership(BaseModel):
    network_slug: str
    status: Literal["member", "requested", "invited"]
    role: Role | None


class RoleChangeRead(BaseModel):
    id: str
    ambassador_id: str
    display_name: str
    reason: Reason
    from_role: Role | None = Field(description="Null: was not a member")
    to_role: Role | None = Field(description="Null: no longer a member")
    actor_id: str | None = Field(description="Null once that person was erased")
    actor_name: str | None
    created_at: datetime
