"""Events shaped like the ambassadors' outbox, and the consumer's apply-then-render step."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from relais_aggregator.config import Settings
from relais_aggregator.consumer import ambassador_consumer
from relais_common.testing import TEST_SECRET


def make_settings(database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "internal_secret": TEST_SECRET,
        "env": "test",
        "run_workers": False,
        "company_name": "Acme & Co",
    }
    values.update(overrides)
    return Settings(**values)


class Feed:
    """Builds events shaped like the ambassadors' outbox, with increasing ids."""

    def __init__(self) -> None:
        self.last_id = 0

    def event(self, type_: str, aggregate_id: str, payload: dict[str, Any]) -> dict[str, Any]:
        self.last_id += 1
        return {
            "id": self.last_id,
            "type": type_,
            "aggregate_id": aggregate_id,
            "payload": payload,
            "created_at": "2026-11-23T10:00:00+00:00",
        }

    def public(self, person_id: str, name: str, **fields: Any) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "id": person_id,
            "display_name": name,
            "job_title": "Engineer",
            "location": "Lyon",
            "languages": ["fr", "en"],
            "bio": "Writes about things.",
            "themes": [{"slug": "cloud", "name": "Cloud"}],
            "accounts": [
                {
                    "platform": "mastodon",
                    "handle": "@someone@example.social",
                    "profile_url": "https://example.social/@someone",
                    "feed_url": "https://example.social/@someone.rss",
                }
            ],
            "listed_at": "2026-11-20T09:00:00+00:00",
        }
        payload.update(fields)
        return self.event("ambassador.public", person_id, payload)

    def gone(self, kind: str, person_id: str) -> dict[str, Any]:
        return self.event(f"ambassador.{kind}", person_id, {"id": person_id})

    def theme(self, theme_id: str, slug: str, name: str, **fields: Any) -> dict[str, Any]:
        payload = {"id": theme_id, "slug": slug, "name": name, "description": "", "archived": False}
        payload.update(fields)
        return self.event("theme.changed", theme_id, payload)

    def merged(self, theme_id: str, slug: str, into_slug: str) -> dict[str, Any]:
        payload = {"id": theme_id, "slug": slug, "into_slug": into_slug}
        return self.event("theme.merged", theme_id, payload)


def apply(app: FastAPI, *events: dict[str, Any]) -> bool:
    """What the consumer does after a poll: apply the batch, then refresh the pages."""
    ambassador_consumer(app).apply(list(events))
    refreshed: bool = app.state.pages.refresh()
    return refreshed


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    """Wait for an outcome (not a timing assertion: the limit only stops a hung test)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)
