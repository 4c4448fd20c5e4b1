"""The events this service publishes, as models: one class per type, one way to emit them.

``python -m relais_ambassadors.outbox [--stdout]`` writes ``events.schema.json`` (also run by
``make openapi`` and ``make events``); a drift test fails when it is stale, and the consumers'
contract tests validate what they handle against it.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field
from relais_common.events import EventPayload, emit_event, events_schema_document
from sqlalchemy.orm import Session

from relais_ambassadors.models import events

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "events.schema.json"
PERSON_ID = "5b0c6a0e-2f6b-4c53-9d1e-8f1a2b3c4d5e"
THEME_ID = "0e7a9c44-1d2b-4f3a-8b6c-7d5e4f3a2b1c"
NETWORK_ID = "3f1d2c4b-5a6e-4b7c-8d9e-0a1b2c3d4e5f"
Id = Annotated[str, Field(min_length=1, max_length=64)]
Slug = Annotated[str, Field(min_length=1, max_length=140)]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PublicTheme(_Part):
    slug: Slug
    name: Annotated[str, Field(min_length=1, max_length=120)]


class PublicAccount(_Part):
    platform: Annotated[str, Field(min_length=1, max_length=40)]
    handle: Annotated[str, Field(min_length=1, max_length=300)]
    profile_url: Annotated[str, Field(max_length=2048)]
    feed_url: Annotated[str | None, Field(max_length=2048)]
    posts: bool = Field(
        False, description="The person consented to show this account's posts (its feed)"
    )


class AmbassadorPublic(EventPayload):
    """The person is listed: their public projection (consented data only), sent on each change."""

    event_type = "ambassador.public"
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": PERSON_ID,
                    "display_name": "Ada Lovelace",
                    "job_title": "Engineer",
                    "location": "Lyon",
                    "languages": ["fr", "en"],
                    "bio": "Writes about engines.",
                    "themes": [{"slug": "cloud", "name": "Cloud"}],
                    "accounts": [
                        {
                            "platform": "github",
                            "handle": "ada",
                            "profile_url": "https://github.com/ada",
                            "feed_url": "https://github.com/ada.atom",
                            "posts": True,
                        }
                    ],
                    "listed_at": "2026-12-01T09:00:00Z",
                }
            ]
        }
    )

    id: Id
    display_name: Annotated[str, Field(max_length=120)]
    job_title: Annotated[str, Field(max_length=120)]
    location: Annotated[str, Field(max_length=120)]
    languages: list[Annotated[str, Field(max_length=16)]]
    bio: str
    themes: list[PublicTheme]
    accounts: list[PublicAccount]
    listed_at: datetime | None


_PERSON_EXAMPLE = ConfigDict(json_schema_extra={"examples": [{"id": PERSON_ID}]})


class AmbassadorUnlisted(EventPayload):
    """The person is no longer listed (consent withdrawn, suspended, charter pending...)."""

    event_type = "ambassador.unlisted"
    model_config = _PERSON_EXAMPLE
    id: Id


class AmbassadorErased(EventPayload):
    """The person erased their account: every service forgets everything about them."""

    event_type = "ambassador.erased"
    model_config = _PERSON_EXAMPLE
    id: Id


class ThemeChanged(EventPayload):
    """A theme was created, renamed, re-described or archived."""

    event_type = "theme.changed"
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": THEME_ID,
                    "slug": "cloud",
                    "name": "Cloud",
                    "description": "Infrastructure and platforms.",
                    "archived": False,
                }
            ]
        }
    )

    id: Id
    slug: Slug
    name: Annotated[str, Field(min_length=1, max_length=120)]
    description: str
    archived: bool


class ThemeMerged(EventPayload):
    """A theme was merged into another one: its members now belong to ``into_slug``."""

    event_type = "theme.merged"
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"id": THEME_ID, "slug": "kubernetes", "into_slug": "cloud"}]
        }
    )

    id: Id
    slug: Slug
    into_slug: Slug


class NetworkChanged(EventPayload):
    """A network was created, edited or archived (editorial keeps its read model from this)."""

    event_type = "network.changed"
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": NETWORK_ID,
                    "slug": "cloud-security",
                    "name": "Cloud security",
                    "purpose": "Explain how we protect our customers' data.",
                    "visibility": "request",
                    "archived": False,
                    "theme_slugs": ["cloud-security", "open-source"],
                }
            ]
        }
    )

    id: Id
    slug: Slug
    name: Annotated[str, Field(min_length=1, max_length=120)]
    purpose: str
    visibility: Literal["open", "request", "invitation"]
    archived: bool
    theme_slugs: list[Slug]


class NetworkMember(EventPayload):
    """A person's place in a network changed: joined, accepted, new role, left, removed.

    ``role`` null: no longer a member (also sent for each membership of an erased person,
    then with an empty ``display_name``). Keyed by the person, so that their erasure
    deletes the earlier ones.
    """

    event_type = "network.member"
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "network_id": NETWORK_ID,
                    "person_id": PERSON_ID,
                    "display_name": "Ada Lovelace",
                    "role": "committee",
                },
                {
                    "network_id": NETWORK_ID,
                    "person_id": PERSON_ID,
                    "display_name": "Ada Lovelace",
                    "role": None,
                },
            ]
        }
    )

    network_id: Id
    person_id: Id
    display_name: Annotated[str, Field(max_length=120)]
    role: Literal["chair", "committee", "member"] | None

    def aggregate_key(self) -> str:
        return self.person_id


EVENTS: tuple[type[EventPayload], ...] = (
    AmbassadorPublic,
    AmbassadorUnlisted,
    AmbassadorErased,
    ThemeChanged,
    ThemeMerged,
    NetworkChanged,
    NetworkMember,
)


def emit(session: Session, event: EventPayload) -> None:
    """Record the event in the caller's transaction (only the types above are published)."""
    if type(event) not in EVENTS:
        raise TypeError(f"{type(event).__name__} is not one of this service's events")
    emit_event(session, events, event)


def schema_document() -> str:
    return events_schema_document("Relais ambassadors events", EVENTS)


if __name__ == "__main__":
    # Here, not at the top: relais_common.contracts imports alembic's autogenerate (and mako,
    # pygments), 8 MB of every running worker for a command-line tool.
    from relais_common.contracts import openapi_cli

    openapi_cli(schema_document, SCHEMA_PATH, sys.argv[1:])
