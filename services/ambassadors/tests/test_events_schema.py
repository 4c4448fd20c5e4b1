"""Typed events: the committed JSON Schema is current, and what the outbox holds obeys it."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from ambassadors_factories import PASSWORD, listed_person, outbox, person, session_of, theme
from ambassadors_network_factories import network
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors import outbox as typed
from relais_ambassadors.themes import service as themes
from relais_common.events import EventPayload


def committed() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(typed.SCHEMA_PATH.read_text(encoding="utf-8"))
    return document


def test_committed_schema_has_not_drifted() -> None:
    assert typed.SCHEMA_PATH.read_text(encoding="utf-8") == typed.schema_document(), (
        "services/ambassadors/events.schema.json is stale: run `make events`"
    )


def test_every_event_type_has_a_schema_and_a_valid_example() -> None:
    schemas = committed()["events"]
    assert set(schemas) == {model.event_type for model in typed.EVENTS}
    for event_type, schema in schemas.items():
        assert schema["examples"], event_type
        for example in schema["examples"]:
            jsonschema.validate(example, schema)


def test_what_the_service_emits_obeys_the_committed_schema(
    client: TestClient, app: FastAPI
) -> None:
    who = listed_person(app, client, name="Ada Schema")
    tid = theme(app, "Cloud")
    other = theme(app, "Kubernetes")
    with session_of(app) as session, session.begin():
        themes.merge(session, themes.get(session, other), tid)
    client.put("/me/listing", json={"public": False}, headers=who.headers)
    network(app, "Cloud security", chair_id=person(app).id, theme_ids=[tid])
    gone = person(app)
    resp = client.request("DELETE", "/me", json={"password": PASSWORD}, headers=gone.headers)
    assert resp.status_code == 204
    events = outbox(client)
    schemas = committed()["events"]
    assert {e["type"] for e in events} == set(schemas)  # every type was exercised
    for event in events:
        jsonschema.validate(event["payload"], schemas[event["type"]])
        payload = event["payload"]
        assert event["aggregate_id"] == payload.get("id", payload.get("person_id"))


def test_an_undeclared_field_cannot_be_published() -> None:
    with pytest.raises(ValueError, match="email"):
        typed.AmbassadorErased.model_validate({"id": "p-1", "email": "ada@example.com"})


def test_only_this_services_event_types_are_emitted(app: FastAPI) -> None:
    class Stranger(EventPayload):
        event_type = "stranger.event"
        id: str

    with session_of(app) as session, pytest.raises(TypeError):
        typed.emit(session, Stranger(id="x"))
