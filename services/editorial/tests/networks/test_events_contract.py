"""Contract with the ambassadors' network events: their committed schema, read by our handlers."""

from __future__ import annotations

from typing import Any

import pytest
from editorial_factories import as_
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.testing import (
    assert_reads_only_published_fields,
    assert_valid_event,
    committed_event_schemas,
)
from relais_editorial.main import HANDLERS
from relais_editorial.networks.events import HANDLERS as NETWORK_HANDLERS
from relais_editorial.networks.events import NetworkChanged, NetworkMember

SCHEMAS = committed_event_schemas("ambassadors")


def events(event_type: str, key: str) -> list[dict[str, Any]]:
    """The schema's examples as the feed serves them (network.member is keyed by person)."""
    return [
        {
            "id": n,
            "type": event_type,
            "aggregate_id": str(example[key]),
            "payload": example,
            "created_at": "2026-12-01T09:00:00+00:00",
        }
        for n, example in enumerate(SCHEMAS[event_type]["examples"], start=1)
    ]


def test_we_handle_only_published_event_types() -> None:
    assert set(HANDLERS) <= set(SCHEMAS)


@pytest.mark.parametrize(
    ("event_type", "model"),
    [("network.changed", NetworkChanged), ("network.member", NetworkMember)],
)
def test_our_models_need_only_what_the_provider_promises(event_type: str, model: Any) -> None:
    assert_reads_only_published_fields(SCHEMAS, event_type, model)


def test_the_schema_examples_build_the_read_model(app: FastAPI, client: TestClient) -> None:
    changed = events("network.changed", "id")
    joined, left = events("network.member", "person_id")
    for event in (*changed, joined, left):
        assert_valid_event(SCHEMAS, event)
    with app.state.sessionmaker.begin() as session:
        for event in (*changed, joined):
            NETWORK_HANDLERS[event["type"]](session, event)
    person, slug = joined["payload"]["person_id"], changed[0]["payload"]["slug"]
    resp = client.get(f"/networks/{slug}", headers=as_(person))
    assert resp.status_code == 200
    assert resp.json()["my_role"] == joined["payload"]["role"]
    with app.state.sessionmaker.begin() as session:
        NETWORK_HANDLERS["network.member"](session, left)
    assert client.get(f"/networks/{slug}", headers=as_(person)).status_code == 403
