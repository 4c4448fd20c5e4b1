"""Contract with the ambassadors' events: their committed JSON Schema, read by our handlers."""

from __future__ import annotations

import logging

import pytest
from fastapi import FastAPI
from relais_common.testing import (
    assert_reads_only_published_fields,
    assert_valid_event,
    committed_event_schemas,
    example_events,
)
from relais_editorial.erasure.handlers import HANDLERS, PersonRef

SCHEMAS = committed_event_schemas("ambassadors")


def test_we_handle_only_published_event_types() -> None:
    assert set(HANDLERS) <= set(SCHEMAS)


def test_our_model_needs_only_what_the_provider_promises() -> None:
    assert_reads_only_published_fields(SCHEMAS, "ambassador.erased", PersonRef)


@pytest.mark.parametrize("event_type", sorted(HANDLERS))
def test_handlers_accept_the_schema_examples(
    app: FastAPI, event_type: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="relais.editorial.erasure")
    for event in example_events(SCHEMAS, event_type):
        assert_valid_event(SCHEMAS, event)
        with app.state.sessionmaker.begin() as session:
            HANDLERS[event_type](session, event)
        assert event["payload"]["id"] in caplog.text
