"""External actors on the wire. Notes and the consent ledger are for the committee only."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Literal

from pydantic import BaseModel, Field, field_validator
from relais_common.schemas import RequestModel
from relais_common.text import clean_text

from relais_ambassadors.validation import clean_name

Kind = Literal["client", "partner", "consultant", "influencer", "journalist", "analyst"]


def _optional_name(value: str | None) -> str | None:
    return None if value is None else clean_name(value)


def _optional_text(value: str | None) -> str | None:
    return None if value is None else clean_text(value, multiline=True)


class AccountInput(RequestModel):
    """A public account as pasted: checked with the same rules as ambassadors' accounts."""

    platform: str = Field(max_length=40, examples=["mastodon"])
    value: str = Field(max_length=2048, examples=["@lea@journalism.social"])


class ExternalCreate(RequestModel):
    kind: Kind = Field(examples=["journalist"])
    name: str = Field(max_length=120, examples=["Léa Martin"])
    organisation: str = Field("", max_length=120, examples=["Le Monde Informatique"])
    accounts: list[AccountInput] = Field(default_factory=list, max_length=10)
    owner_id: str | None = Field(
        None, max_length=64, description="The colleague who knows them (an ambassador)"
    )
    notes: str = Field("", max_length=4000, description="Visible to the committee only")

    _name = field_validator("name")(clean_name)
    _organisation = field_validator("organisation")(clean_text)
    _notes = field_validator("notes")(partial(clean_text, multiline=True))


class ExternalUpdate(RequestModel):
    """Only the fields sent change; send the ETag you read in If-Match."""

    kind: Kind | None = None
    name: str | None = Field(None, max_length=120)
    organisation: str | None = Field(None, max_length=120)
    accounts: list[AccountInput] | None = Field(None, max_length=10)
    owner_id: str | None = Field(None, max_length=64, description="A new relationship owner")
    notes: str | None = Field(None, max_length=4000)

    _name = field_validator("name")(_optional_name)
    _organisation = field_validator("organisation")(_optional_text)
    _notes = field_validator("notes")(_optional_text)


class ConsentChange(RequestModel):
    granted: bool = Field(description="True: they agreed to be shown; false: withdrawn")
    evidence: str = Field("", max_length=600, examples=["Signed form received on 2026-11-30"])

    _evidence = field_validator("evidence")(clean_text)


class ExternalAccount(BaseModel):
    platform: str
    handle: str
    profile_url: str


class PersonRef(BaseModel):
    id: str
    display_name: str


class ConsentEntry(BaseModel):
    granted: bool
    evidence: str
    recorded_by: str | None
    created_at: datetime


class ExternalRead(BaseModel):
    id: str
    kind: Kind
    name: str
    organisation: str
    accounts: list[ExternalAccount]
    owner: PersonRef | None
    consented: bool = Field(description="Their current consent: only then are they shown")
    consented_at: datetime | None
    notes: str | None = Field(description="The committee's notes; null for other members")
    consent_history: list[ConsentEntry] | None = Field(
        description="Every grant and withdrawal, oldest first; null for other members"
    )
    created_at: datetime
    version: int
