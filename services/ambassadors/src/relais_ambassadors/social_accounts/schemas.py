from __future__ import annotations

from pydantic import BaseModel, Field
from relais_common.schemas import RequestModel


class PlatformRead(BaseModel):
    id: str
    label: str
    placeholder: str
    has_feed: bool


class AccountInput(RequestModel):
    platform: str = Field(max_length=40, examples=["mastodon"])
    value: str = Field(max_length=2048, examples=["@jane@mastodon.social"])


class AccountCreate(AccountInput):
    public: bool = False


class AccountPreview(BaseModel):
    platform: str
    handle: str
    profile_url: str
    feed_url: str | None
