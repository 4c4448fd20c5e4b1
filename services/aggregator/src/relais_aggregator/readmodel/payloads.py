"""What the aggregator accepts from the ambassadors' events: an allow-list, nothing else.

The provider already filters to consented public data; these models are the defence in
depth: unknown fields (an e-mail, a department) are dropped before anything is stored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Text120 = Annotated[str, Field(max_length=200)]


class _Payload(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ThemeRef(_Payload):
    slug: Annotated[str, Field(min_length=1, max_length=120)]
    name: Annotated[str, Field(min_length=1, max_length=200)]


class AccountPayload(_Payload):
    platform: Annotated[str, Field(min_length=1, max_length=40)]
    handle: Annotated[str, Field(min_length=1, max_length=300)]
    profile_url: Annotated[str, Field(max_length=2000)]
    feed_url: Annotated[str | None, Field(max_length=2000)] = None
    # The person's consent to show this account's posts (a ledger scope of its own): without
    # it the feed URL is not kept, so no output lists it and no feed is fetched.
    posts: Annotated[bool, Field(exclude=True)] = False

    @field_validator("profile_url")
    @classmethod
    def _web_link(cls, value: str) -> str:
        # Links end up in href attributes: only http(s), never javascript: or data:.
        if not value.lower().startswith(("https://", "http://")):
            raise ValueError("profile_url must be an http(s) URL")
        return value

    @field_validator("feed_url")
    @classmethod
    def _web_feed(cls, value: str | None) -> str | None:
        if value and not value.lower().startswith(("https://", "http://")):
            return None
        return value or None

    @model_validator(mode="after")
    def _feed_only_with_posts_consent(self) -> AccountPayload:
        if not self.posts:
            self.feed_url = None
        return self


class AmbassadorPublic(_Payload):
    id: Annotated[str, Field(min_length=1, max_length=64)]
    display_name: Annotated[str, Field(min_length=1, max_length=200)]
    job_title: Text120 | None = None
    location: Text120 | None = None
    languages: Annotated[list[Annotated[str, Field(max_length=16)]], Field(max_length=20)] = []
    bio: Annotated[str | None, Field(max_length=4000)] = None
    themes: list[ThemeRef] = []
    accounts: list[dict[str, object]] = []
    listed_at: datetime | None = None

    def valid_accounts(self) -> list[AccountPayload]:
        """Accounts that pass the allow-list, first occurrence of each platform+handle."""
        kept: dict[tuple[str, str], AccountPayload] = {}
        for raw in self.accounts:
            try:
                account = AccountPayload.model_validate(raw)
            except ValueError:
                continue
            kept.setdefault((account.platform, account.handle), account)
        return list(kept.values())


class PersonRef(_Payload):
    id: Annotated[str, Field(min_length=1, max_length=64)]


class ThemeChanged(_Payload):
    id: Annotated[str, Field(min_length=1, max_length=64)]
    slug: Annotated[str, Field(min_length=1, max_length=120)]
    name: Annotated[str, Field(min_length=1, max_length=200)]
    description: str | None = None
    archived: bool = False


class ThemeMerged(_Payload):
    id: Annotated[str, Field(min_length=1, max_length=64)]
    slug: Annotated[str, Field(min_length=1, max_length=120)]
    into_slug: Annotated[str, Field(min_length=1, max_length=120)]


class NetworkChanged(_Payload):
    id: Annotated[str, Field(min_length=1, max_length=64)]
    slug: Annotated[str, Field(min_length=1, max_length=140)]
    name: Annotated[str, Field(min_length=1, max_length=200)]
    purpose: str = ""
    archived: bool = False
    theme_slugs: Annotated[list[Annotated[str, Field(max_length=140)]], Field(max_length=50)] = []
