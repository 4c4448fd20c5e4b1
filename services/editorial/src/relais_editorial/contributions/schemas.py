from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from relais_common.schemas import RequestModel
from relais_common.text import clean_name, clean_text

from relais_editorial.briefs.schemas import PersonId
from relais_editorial.web_urls import WebUrl

ContributionStatus = Literal["pending", "accepted", "declined"]
Note = Annotated[
    str, Field(max_length=2000), AfterValidator(lambda v: clean_text(v, multiline=True))
]
Name = Annotated[str, AfterValidator(lambda v: clean_name(v, limit=120))]


class ContributionCreate(RequestModel):
    kind: Literal["link", "draft"]
    title: Annotated[str, AfterValidator(lambda v: clean_name(v, limit=200))]
    url: WebUrl | None = Field(None, description="Required for a link; optional for a draft.")
    # bounded so that draft and note fit an entry's description (5,000 characters)
    draft: Annotated[
        str, Field(max_length=2800), AfterValidator(lambda v: clean_text(v, multiline=True))
    ] = ""
    note: Note = ""
    credit_name: Name | None = Field(
        None, description="The name to credit; default: your name in the network."
    )

    @model_validator(mode="after")
    def _content(self) -> Self:
        if self.kind == "link" and not self.url:
            raise ValueError("A link contribution needs its url.")
        if self.kind == "draft" and not self.draft.strip():
            raise ValueError("A draft contribution needs its draft text.")
        return self


class EntryFromContribution(RequestModel):
    """The calendar entry an accepted contribution becomes (title and URL default to its own)."""

    kind: Literal["event", "topic", "campaign", "launch"] = "topic"
    starts_at: datetime
    ends_at: datetime
    title: Annotated[str, AfterValidator(lambda v: clean_name(v, limit=200))] | None = None
    theme_slug: str | None = Field(None, max_length=140)


class BriefFromContribution(RequestModel):
    entry_id: str | None = None
    assignee_id: PersonId | None = None
    due_date: date | None = None
    title: Annotated[str, AfterValidator(lambda v: clean_name(v, limit=200))] | None = None


class Acceptance(RequestModel):
    into: Literal["entry", "brief"] = Field(description="What the contribution becomes.")
    entry: EntryFromContribution | None = None
    brief: BriefFromContribution | None = None
    note: Note = ""

    @model_validator(mode="after")
    def _target(self) -> Self:
        if self.into == "entry" and self.entry is None:
            raise ValueError("Accepting into the calendar needs `entry` (kind and dates).")
        return self


class Decline(RequestModel):
    note: Annotated[
        str,
        Field(min_length=1, max_length=2000),
        AfterValidator(lambda v: clean_text(v, multiline=True)),
    ]


class ContributionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    network_id: str
    author_id: str
    author_name: str
    kind: Literal["link", "draft"]
    title: str
    url: str | None
    draft: str | None
    note: str
    status: ContributionStatus
    decision_note: str | None
    decided_at: datetime | None
    entry_id: str | None
    brief_id: str | None
    created_at: datetime


class InboxCount(BaseModel):
    pending: int
