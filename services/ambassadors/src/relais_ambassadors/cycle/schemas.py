"""The network's cycle on the wire."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial

from pydantic import BaseModel, Field, field_validator
from relais_common.schemas import RequestModel
from relais_common.text import clean_text

from relais_ambassadors.networks.schemas import Phase


class PhaseChange(RequestModel):
    phase: Phase = Field(examples=["education"])


class NoteCreate(RequestModel):
    phase: Phase
    note_date: date = Field(examples=["2026-12-01"])
    body: str = Field(min_length=1, max_length=4000, examples=["Ran the first workshop."])

    _body = field_validator("body")(partial(clean_text, multiline=True))


class NoteRead(BaseModel):
    id: str
    phase: Phase
    note_date: date
    body: str
    author_id: str | None = Field(description="Null once the author was erased")
    author_name: str | None
    created_at: datetime


class PhaseNotes(BaseModel):
    phase: Phase
    current: bool
    notes: list[NoteRead] = Field(description="Newest first (at most 500 per network)")


class CycleRead(BaseModel):
    current_phase: Phase
    phases: list[PhaseNotes] = Field(description="The five phases, in the cycle's order")
    version: int
