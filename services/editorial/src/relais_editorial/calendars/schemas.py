"""Calendar entries as written and read; the month/week view carries each entry's grids."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, Field, field_validator
from relais_common.schemas import RequestModel
from relais_common.text import clean_name, clean_text

from relais_editorial.web_urls import WebUrl

EntryKind = Literal["event", "topic", "campaign", "launch"]
EntryStatus = Literal["planned", "confirmed", "done", "cancelled"]
Title = Annotated[str, Field(min_length=1, max_length=200)]
Description = Annotated[str, Field(max_length=5000)]
PersonId = Annotated[str, Field(min_length=1, max_length=64)]
ThemeSlug = Annotated[str, Field(min_length=1, max_length=140)]
# any offset on the way in, UTC from then on (what is stored and answered)
UtcDatetime = Annotated[AwareDatetime, AfterValidator(lambda d: d.astimezone(UTC))]


class _EntryFields(RequestModel):
    @field_validator("title", check_fields=False)
    @classmethod
    def _title(cls, value: str | None) -> str | None:
        return None if value is None else clean_name(value, limit=200)

    @field_validator("description", check_fields=False)
    @classmethod
    def _description(cls, value: str | None) -> str | None:
        return None if value is None else clean_text(value, multiline=True)


class EntryCreate(_EntryFields):
    kind: EntryKind
    title: Title
    description: Description = ""
    starts_at: UtcDatetime
    ends_at: UtcDatetime | None = Field(None, description="Defaults to starts_at")
    theme_slug: ThemeSlug | None = Field(None, description="One of the network's themes")
    owner_id: PersonId | None = Field(None, description="A member; defaults to the author")
    content_url: WebUrl | None = None
    status: EntryStatus = "planned"


class EntryUpdate(_EntryFields):
    """Only the fields sent change; ``null`` clears theme, owner or link."""

    kind: EntryKind | None = None
    title: Title | None = None
    description: Description | None = None
    starts_at: UtcDatetime | None = None
    ends_at: UtcDatetime | None = None
    theme_slug: ThemeSlug | None = None
    owner_id: PersonId | None = None
    content_url: WebUrl | None = None
    status: EntryStatus | None = None


class Reschedule(_EntryFields):
    """The keyboard "Reschedule…" action: a new start; the duration stays unless ends_at."""

    starts_at: UtcDatetime
    ends_at: UtcDatetime | None = None


class PathUpdate(RequestModel):
    entry_ids: Annotated[list[Annotated[str, Field(max_length=64)]], Field(max_length=200)]

    @field_validator("entry_ids")
    @classmethod
    def _distinct(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("List each entry once.")
        return value


class GridSummary(BaseModel):
    id: str
    title: str
    status: str
    expired: bool
    variant_counts: dict[str, int] = Field(description="Variants per platform")


class EntryRead(BaseModel):
    id: str
    kind: EntryKind
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    theme_slug: str | None
    owner_id: str | None
    owner_name: str | None
    credited_name: str | None = Field(
        description="Who suggested it: the author of the accepted contribution it came from"
    )
    content_url: str | None
    status: EntryStatus
    path_position: int | None
    version: int
    created_at: datetime
    updated_at: datetime


class CalendarItem(EntryRead):
    grids: list[GridSummary]


class CalendarView(BaseModel):
    starts: datetime
    ends: datetime
    items: list[CalendarItem]


class EntryList(BaseModel):
    items: list[EntryRead]
    next_cursor: str | None = None


class PathRead(BaseModel):
    items: list[EntryRead]
    version: int
