"""The exchange format of a network's calendar: entries with their grids and variants.

JSON is this document; CSV is the same content flattened, one row per variant (see formats.py).
Ids are only references inside the document: an import makes new ones.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, Field
from relais_common.schemas import RequestModel
from relais_common.text import clean_name, clean_text

from relais_editorial.calendars.schemas import EntryKind, EntryStatus
from relais_editorial.grids.schemas import Hashtag, Language, Mention, Platform
from relais_editorial.web_urls import WebUrl

FORMAT = "relais-calendar"
FORMAT_VERSION = 1
# Bounds of one import: the file, and the rows (variants, or entries and grids without any).
MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_ROWS = 2000

# the calendar's and the grids' own field types: an import accepts what their API accepts
GridStatus = Literal["draft", "in_review", "changes_requested", "approved", "published", "archived"]
Title = Annotated[str, AfterValidator(lambda v: clean_name(v, limit=200))]
LongText = Annotated[
    str, Field(max_length=5000), AfterValidator(lambda v: clean_text(v, multiline=True))
]
Ref = Annotated[str, Field(min_length=1, max_length=64)]


class VariantData(RequestModel):
    id: Ref | None = None
    platform: Platform
    language: Language
    text: Annotated[str, Field(min_length=1, max_length=70_000)]
    position: Annotated[int, Field(ge=0, le=1000)] = 0
    expires_at: AwareDatetime | None = None


class GridData(RequestModel):
    id: Ref | None = None
    title: Title
    status: GridStatus = "draft"
    link_url: WebUrl | None = None
    hashtags: Annotated[list[Hashtag], Field(max_length=30)] = []
    mentions: Annotated[list[Mention], Field(max_length=30)] = []
    release_at: AwareDatetime | None = None
    expires_at: AwareDatetime | None = None
    variants: Annotated[list[VariantData], Field(max_length=200)] = []


class EntryData(RequestModel):
    id: Ref | None = None
    kind: EntryKind
    title: Title
    description: LongText = ""
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    theme_slug: Annotated[str, Field(max_length=140)] | None = None
    content_url: WebUrl | None = None
    status: EntryStatus = "planned"
    path_position: Annotated[int, Field(ge=0, le=10_000)] | None = None
    owner_id: Annotated[str, Field(max_length=64)] | None = None
    credited_person_id: Annotated[str, Field(max_length=64)] | None = None
    credited_name: Annotated[str, Field(max_length=200)] | None = None
    grids: Annotated[list[GridData], Field(max_length=50)] = []


class CalendarDocument(RequestModel):
    format: Literal["relais-calendar"] = "relais-calendar"
    version: Literal[1] = 1
    network: str | None = Field(None, description="The slug it was exported from (ignored).")
    entries: Annotated[list[EntryData], Field(max_length=MAX_IMPORT_ROWS)]


class ImportOutcome(RequestModel):
    entries: int
    grids: int
    variants: int
    grids_reset_to_draft: int = Field(
        0,
        description="Grids past draft imported by a committee member (only the chair keeps "
        "a grid's review status: nobody approves their own grid).",
    )


def utc_iso(value: datetime | None) -> str:
    return value.isoformat().replace("+00:00", "Z") if value else ""
