"""Message grids and variants as written and read (reads carry counts and the checklist)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, Field, field_validator
from relais_common.schemas import RequestModel
from relais_common.text import clean_name, clean_text

from relais_editorial.web_urls import WebUrl

Platform = Literal["x", "mastodon", "bluesky", "linkedin", "threads", "instagram", "facebook"]
# BCP 47, short: a language and maybe a region ("fr", "en", "pt-BR")
Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$", max_length=6)]
Hashtag = Annotated[str, Field(pattern=r"^#?\w+$", max_length=101)]
# "@name" or "@name@instance.example" (Mastodon): no spaces, at most one more "@"
Mention = Annotated[str, Field(pattern=r"^@?[^\s@]+(@[^\s@]+)?$", max_length=300)]
UtcDatetime = Annotated[AwareDatetime, AfterValidator(lambda d: d.astimezone(UTC))]
Title = Annotated[str, Field(min_length=1, max_length=200)]
Text = Annotated[str, Field(min_length=1, max_length=70000)]


def _tag(value: str) -> str:
    return "#" + value.lstrip("#")


def _mention(value: str) -> str:
    return "@" + value.lstrip("@")


class _Cleaned(RequestModel):
    @field_validator("title", check_fields=False)
    @classmethod
    def _title(cls, value: str | None) -> str | None:
        return None if value is None else clean_name(value, limit=200)

    @field_validator("text", check_fields=False)
    @classmethod
    def _text(cls, value: str | None) -> str | None:
        if value is None:
            return None
        text = clean_text(value, multiline=True).strip()
        if not text:
            raise ValueError("Write the message (it cannot be empty).")
        return text

    @field_validator("hashtags", check_fields=False)
    @classmethod
    def _hashtags(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else list(dict.fromkeys(_tag(v) for v in value))

    @field_validator("mentions", check_fields=False)
    @classmethod
    def _mentions(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else list(dict.fromkeys(_mention(v) for v in value))


class VariantCreate(_Cleaned):
    platform: Platform
    language: Language
    text: Text = Field(description="Without the network's disclosure: it is appended")
    position: Annotated[int, Field(ge=0, le=1000)] | None = None
    expires_at: UtcDatetime | None = None


class VariantUpdate(_Cleaned):
    language: Language | None = None
    text: Text | None = None
    position: Annotated[int, Field(ge=0, le=1000)] | None = None
    expires_at: UtcDatetime | None = None


class GridCreate(_Cleaned):
    title: Title
    link_url: WebUrl | None = None
    hashtags: Annotated[list[Hashtag], Field(max_length=30)] = []
    mentions: Annotated[list[Mention], Field(max_length=30)] = []
    release_at: UtcDatetime | None = None
    expires_at: UtcDatetime | None = None
    variants: Annotated[list[VariantCreate], Field(max_length=60)] = []


class GridUpdate(_Cleaned):
    """Only the fields sent change; ``null`` clears link, release or expiry."""

    title: Title | None = None
    link_url: WebUrl | None = None
    hashtags: Annotated[list[Hashtag], Field(max_length=30)] | None = None
    mentions: Annotated[list[Mention], Field(max_length=30)] | None = None
    release_at: UtcDatetime | None = None
    expires_at: UtcDatetime | None = None


class Check(BaseModel):
    check: str
    ok: bool
    severity: Literal["error", "warning", "info"]
    message: str


class VariantRead(BaseModel):
    id: str
    grid_id: str
    platform: str
    language: str
    text: str
    full_text: str = Field(description="The text with the network's disclosure, as shared")
    count: int = Field(description="How the platform counts full_text")
    limit: int
    over_limit: bool
    position: int
    expires_at: datetime | None
    expired: bool
    expired_reason: str | None
    checklist: list[Check]
    version: int
    updated_at: datetime


class ApprovalRead(BaseModel):
    approver_id: str | None
    approver_name: str | None
    step: int
    at: datetime


class ReviewState(BaseModel):
    mode: str
    round: int
    current_step: int | None = Field(description="multi_step: the step awaiting approval")
    steps: list[str] = Field(description="multi_step: the steps' names")
    approvals: list[ApprovalRead] = Field(description="This round's approvals")
    can_approve: bool = Field(description="Whether the caller may approve it now")


class GridRead(BaseModel):
    id: str
    entry_id: str
    title: str
    status: str
    link_url: str | None
    hashtags: list[str]
    mentions: list[str]
    release_at: datetime | None
    expires_at: datetime | None
    expired: bool
    expired_reason: str | None
    offered: bool = Field(description="Published, released and not expired: people may share")
    author_id: str | None = Field(description="null once the author was erased")
    author_name: str | None
    disclosure: str
    mastodon_limit: int = Field(
        description="What Mastodon variants count against: the network's instance's own limit "
        "(its settings), else 500"
    )
    review: ReviewState
    variants: list[VariantRead]
    version: int
    created_at: datetime
    updated_at: datetime


class GridList(BaseModel):
    items: list[GridRead]
