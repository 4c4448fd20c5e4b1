"""The text-length API's body and answer."""

from __future__ import annotations

from pydantic import BaseModel, Field
from relais_common.schemas import RequestModel

MAX_TEXT_CHARS = 100_000


class TextLengthRequest(RequestModel):
    platform: str = Field(
        max_length=40,
        description="x, mastodon, bluesky, linkedin, threads, instagram or facebook",
        examples=["mastodon"],
    )
    text: str = Field(max_length=MAX_TEXT_CHARS, description="The text as it will be posted.")
    instance: str | None = Field(
        None,
        max_length=300,
        description="Mastodon only: the instance's host name, to count against its own limit.",
        examples=["mastodon.social"],
    )


class TextLengthRead(BaseModel):
    count: int = Field(description="The length as the platform counts it.")
    limit: int = Field(description="The most the platform (or the Mastodon instance) accepts.")
