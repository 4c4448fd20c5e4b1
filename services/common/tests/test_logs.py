"""Logging: JSON lines written by a background thread, each with the request id of its request."""

from __future__ import annotations

import json
import logging

import pytest
from relais_common import logs


def test_lines_carry_the_request_id_of_the_request_that_logged(
    capfd: pytest.CaptureFixture[str],
) -> None:
    logs.configure_logging("INFO", as_json=True)
    token = logs.request_id_var.set("req-123")
    try:
        logging.getLogger("relais.test").info("hello %s", "world")
    finally:
        logs.request_id_var.reset(token)
    logging.getLogger("relais.test").info("outside")
    logs._stop_listener()  # flushes the queue, as at exit
    lines = [json.loads(line) for line in capfd.readouterr().err.splitlines() if line]
    assert [(e["msg"], e["request_id"]) for e in lines] == [
        ("hello world", "req-123"),
        ("outside", "-"),
    ]
    assert lines[0]["level"] == "INFO" and lines[0]["logger"] == "relais.test"
