"""Suggestions on the wire."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from relais_ambassadors.schemas import TaxonomyRef


class SuggestionReason(BaseModel):
    kind: Literal["theme", "language", "platform", "department"]
    detail: str = Field(examples=["Cloud security, Open source"])


class SuggestedPerson(BaseModel):
    id: str
    display_name: str
    department: TaxonomyRef | None


class SuggestionRead(BaseModel):
    ambassador: SuggestedPerson
    score: int
    reasons: list[SuggestionReason]
    text: str = Field(
        examples=["Shares the themes Cloud security; works in Sales, not yet represented."]
    )
    membership_status: Literal["requested", "invited"] | None = Field(
        description="They already asked to join, or were invited"
    )


class SuggestionList(BaseModel):
    items: list[SuggestionRead] = Field(description="Best first, at most 50")
