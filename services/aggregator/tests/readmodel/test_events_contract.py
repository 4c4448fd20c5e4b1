"""Contract with the ambassadors' events: their committed JSON Schema, read by our handlers."""

from __future__ import annotations

from typing import Any

import pytest
from aggregator_factories import Feed, apply
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_aggregator.readmodel import payloads
from relais_aggregator.readmodel.handlers import HANDLERS
from relais_common.testing import (
    assert_reads_only_published_fields,
    assert_valid_event,
    committed_event_schemas,
    example_events,
)

SCHEMAS = committed_event_schemas("ambassadors")
MODELS: dict[str, type[Any]] = {
    "ambassador.public": payloads.AmbassadorPublic,
    "ambassador.unlisted": payloads.PersonRef,
    "ambassador.erased": payloads.PersonRef,
    "theme.changed": payloads.ThemeChanged,
    "theme.merged": payloads.ThemeMerged,
    "network.changed": payloads.NetworkChanged,
}


def test_we_handle_only_published_event_types() -> None:
    assert set(HANDLERS) <= set(SCHEMAS)
    assert set(MODELS) == set(HANDLERS)


@pytest.mark.parametrize("event_type", sorted(MODELS))
def test_our_models_need_only_what_the_provider_promises(event_type: str) -> None:
    assert_reads_only_published_fields(SCHEMAS, event_type, MODELS[event_type])


def test_the_events_our_factories_fake_obey_the_schema(feed: Feed) -> None:
    """The other tests feed these shapes: they must be what the provider really sends."""
    for event in (
        feed.public("p1", "Ada"),
        feed.gone("unlisted", "p1"),
        feed.gone("erased", "p1"),
        feed.theme("t1", "cloud", "Cloud"),
        feed.merged("t2", "k8s", "cloud"),
    ):
        assert_valid_event(SCHEMAS, event)


def test_the_schema_examples_land_in_the_public_page(app: FastAPI, client: TestClient) -> None:
    [theme] = example_events(SCHEMAS, "theme.changed")
    [person] = example_events(SCHEMAS, "ambassador.public")
    for event in (theme, person):
        assert_valid_event(SCHEMAS, event)
    apply(app, theme, {**person, "id": 2})
    body = client.get("/public").json()
    example = person["payload"]
    assert body["people_count"] == 1
    [section] = body["themes"]
    assert section["slug"] == example["themes"][0]["slug"]
    [listed] = section["people"]
    assert listed["display_name"] == example["display_name"]
    assert [a["handle"] for a in listed["accounts"]] == [a["handle"] for a in example["accounts"]]


@pytest.mark.parametrize("gone", ["ambassador.unlisted", "ambassador.erased"])
def test_the_schema_examples_remove_the_person(app: FastAPI, client: TestClient, gone: str) -> None:
    [person] = example_events(SCHEMAS, "ambassador.public")
    [leave] = example_events(SCHEMAS, gone)
    assert leave["payload"]["id"] == person["payload"]["id"]
    apply(app, person)
    assert client.get("/public").json()["people_count"] == 1
    apply(app, {**leave, "id": 2})
    assert client.get("/public").json()["people_count"] == 0


def test_the_merge_example_moves_the_members(app: FastAPI, client: TestClient, feed: Feed) -> None:
    [merged] = example_events(SCHEMAS, "theme.merged")
    source, into = merged["payload"]["slug"], merged["payload"]["into_slug"]
    apply(
        app,
        feed.theme(merged["payload"]["id"], source, "Source"),
        feed.theme("t-into", into, "Into"),
        feed.public("p1", "Ada", themes=[{"slug": source, "name": "Source"}]),
        {**merged, "id": 99},
    )
    [section] = client.get("/public").json()["themes"]
    assert (section["slug"], [p["display_name"] for p in section["people"]]) == (into, ["Ada"])
