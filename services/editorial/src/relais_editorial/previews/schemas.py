from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Self

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, model_validator
from relais_common.schemas import RequestModel
from relais_common.text import clean_text

MAX_PREVIEW_DAYS = 30
MAX_RANGE_DAYS = 100


class PreviewCreate(RequestModel):
    """A calendar range (`from_date`..`to_date`, inclusive) or one grid (`grid_id`)."""

    label: Annotated[
        str, Field(max_length=100), AfterValidator(lambda v: clean_text(v).strip())
    ] = Field("", description="Who it is for, e.g. 'Product manager, launch'.")
    from_date: date | None = None
    to_date: date | None = None
    grid_id: Annotated[str, Field(max_length=64)] | None = None
    expires_at: AwareDatetime = Field(description=f"At most {MAX_PREVIEW_DAYS} days from now.")

    @model_validator(mode="after")
    def _scope(self) -> Self:
        has_range = self.from_date is not None or self.to_date is not None
        if has_range == (self.grid_id is not None):
            raise ValueError("Give either a range (from_date and to_date) or a grid_id.")
        if has_range and (self.from_date is None or self.to_date is None):
            raise ValueError("A range needs both from_date and to_date.")
        return self


class PreviewRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    label: str
    from_date: date | None
    to_date: date | None
    grid_id: str | None
    expires_at: datetime
    revoked_at: datetime | None
    created_at: datetime


class PreviewCreated(PreviewRead):
    token: str = Field(description="Shown once: only its hash is kept.")
    api_path: str = Field(description="Where the preview is read (no account needed).")


class PreviewList(BaseModel):
    items: list[PreviewRead]


class PreviewVariant(BaseModel):
    platform: str
    language: str
    text: str = Field(description="As it will be shared, the network's disclosure included.")


class PreviewGrid(BaseModel):
    title: str
    status: str
    link_url: str | None
    hashtags: list[str]
    mentions: list[str]
    release_at: datetime | None
    expires_at: datetime | None
    variants: list[PreviewVariant]


class PreviewEntry(BaseModel):
    kind: str
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    theme_slug: str | None
    content_url: str | None
    status: str
    credited_name: str | None = Field(description="Who suggested it (a display name only).")
    grids: list[PreviewGrid]


class PreviewPublic(BaseModel):
    """What someone without an account sees: no e-mail addresses, no person ids."""

    network_name: str
    label: str
    from_date: date | None
    to_date: date | None
    expires_at: datetime
    entries: list[PreviewEntry]
