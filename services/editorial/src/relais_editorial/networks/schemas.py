"""Networks as editorial shows them, and the settings their chair edits."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, field_validator
from relais_common.errors import InvalidInput
from relais_common.schemas import RequestModel
from relais_common.text import clean_name

from relais_editorial.counting.instances import LimitSource, instance_host

ApprovalMode = Literal["none", "optional", "required", "multi_step"]
PersonId = Annotated[str, Field(min_length=1, max_length=64)]


class NetworkRead(BaseModel):
    id: str
    slug: str
    name: str
    archived: bool
    visibility: str
    theme_slugs: list[str]
    my_role: str | None = Field(None, description="chair, committee, member; null: not one")


class NetworkList(BaseModel):
    items: list[NetworkRead]
    next_cursor: str | None = None


class MemberRead(BaseModel):
    person_id: str
    display_name: str
    role: str


class MemberList(BaseModel):
    items: list[MemberRead]
    next_cursor: str | None = None


class ApprovalStep(RequestModel):
    name: Annotated[str, Field(min_length=1, max_length=80)]
    approvers: Annotated[list[PersonId], Field(min_length=1, max_length=20)]
    rule: Literal["any", "all"] = "any"

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return clean_name(value, limit=80)

    @field_validator("approvers")
    @classmethod
    def _distinct(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("Name each approver once.")
        return value


class NetworkSettingsUpdate(RequestModel):
    approval_mode: ApprovalMode
    approval_steps: Annotated[list[ApprovalStep], Field(max_length=5)] = []
    disclosure: Annotated[
        str | None,
        Field(
            max_length=200,
            description="Appended to every variant and counted with it; null: the company's "
            "default (#JeTravailleChez…)",
        ),
    ] = None

    mastodon_instance: Annotated[
        str | None,
        Field(
            max_length=300,
            description="The network's Mastodon instance (host name, e.g. mastodon.social): "
            "Mastodon variants count against its own limit, read from its public API when the "
            "settings are saved; null: 500",
            examples=["mastodon.social"],
        ),
    ] = None

    @field_validator("disclosure")
    @classmethod
    def _disclosure(cls, value: str | None) -> str | None:
        return None if value is None else clean_name(value, limit=200)

    @field_validator("mastodon_instance")
    @classmethod
    def _instance(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        try:
            return instance_host(value)
        except InvalidInput as exc:  # the same rule as text-length's, on this field
            raise ValueError(exc.detail) from None


class NetworkSettingsRead(BaseModel):
    approval_mode: ApprovalMode
    approval_steps: list[ApprovalStep]
    disclosure: str = Field(description="The disclosure in force (the network's or the default)")
    disclosure_is_default: bool
    mastodon_instance: str | None = Field(description="null: no instance (Mastodon counts 500)")
    mastodon_limit: int = Field(
        description="The limit Mastodon variants count against: the instance's own, else 500"
    )
    mastodon_limit_source: LimitSource = Field(
        description="instance: read from its API when saved; default: no instance, or it "
        "could not be read then (500)"
    )
    version: int
