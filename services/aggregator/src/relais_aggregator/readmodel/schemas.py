"""The public shapes served as JSON (and rendered as HTML): consented public data only."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class PublicThemeRef(_Frozen):
    slug: str
    name: str


class PublicAccount(_Frozen):
    platform: str
    handle: str
    profile_url: str
    feed_url: str | None


class PublicPerson(_Frozen):
    id: str
    slug: str = ""
    display_name: str
    job_title: str
    location: str
    languages: list[str]
    bio: str
    themes: list[PublicThemeRef]
    accounts: list[PublicAccount]
    listed_at: datetime | None


class PublicThemeSection(_Frozen):
    slug: str
    name: str
    description: str
    people: list[PublicPerson]


class PublicDirectory(_Frozen):
    """Everything the public page shows; `generated_at` is when it was last rendered."""

    generated_at: datetime
    themes: list[PublicThemeSection]
    other_people: list[PublicPerson]
    people_count: int
