"""A hung service (SIGSTOP: the kernel still accepts connections) is answered 503 at once.

The editorial service runs as a real uvicorn subprocess; the gateway in front of it keeps
its 30 s request timeout, so a 503 can only come from the health-based circuit breaker.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.testing import TEST_SECRET
from relais_gateway.config import GatewaySettings
from relais_gateway.main import create_app

from .upstream import free_port, serve, serve_config

HUNG_PATH = "/api/editorial/livez"


@pytest.fixture
def editorial(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    env = {
        **os.environ,
        "RELAIS_ENV": "test",
        "RELAIS_INTERNAL_SECRET": TEST_SECRET,
        "RELAIS_VAR_DIR": str(tmp_path),
        "RELAIS_RUN_WORKERS": "false",
        "RELAIS_LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "uvicorn", "--factory", "relais_editorial.main:create_app"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    proc = subprocess.Popen(command, env=env)  # noqa: S603 - our interpreter, fixed arguments
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(lambda: _status(url + "/livez") == 200, proc)
        yield url, proc
    finally:
        proc.send_signal(signal.SIGCONT)
        proc.terminate()
        proc.wait(timeout=10)


def _status(url: str, timeout: float = 1.0) -> int | None:
    try:
        return httpx.get(url, timeout=timeout).status_code
    except httpx.HTTPError:
        return None


def _wait_for(condition: Callable[[], bool], proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 90
    while not condition():
        assert proc.poll() is None, "the editorial service exited"
        assert time.monotonic() < deadline, "condition not met within 30 s"
        time.sleep(0.1)


def test_a_hung_service_is_answered_503_then_recovers(
    make_settings: Callable[..., GatewaySettings],
    editorial: tuple[str, subprocess.Popen[bytes]],
) -> None:
    url, proc = editorial
    gateway = create_app(make_settings(editorial_url=url))
    with serve(gateway) as base:
        assert httpx.get(base + HUNG_PATH, timeout=10.0).status_code == 200
        proc.send_signal(signal.SIGSTOP)
        # In flight when the probe fails: cut by the breaker (the 504 path would take 30 s).
        resp = httpx.get(base + HUNG_PATH, timeout=10.0)
        assert resp.status_code == 503
        assert resp.headers["content-type"] == "application/problem+json"
        assert resp.headers["retry-after"]
        assert resp.json()["service"] == "editorial"
        assert "health check" in resp.json()["detail"]
        again = httpx.get(base + "/api/editorial/me/export", timeout=10.0)  # now refused at once
        assert (again.status_code, again.json()["service"]) == (503, "editorial")

        proc.send_signal(signal.SIGCONT)
        deadline = time.monotonic() + 60
        while _status(base + HUNG_PATH, timeout=10.0) != 200:
            assert time.monotonic() < deadline, "the gateway did not mark editorial up again"
            time.sleep(0.2)
        assert httpx.get(base + "/readyz", timeout=10.0).json()["services"]["editorial"] == "up"


def _probes_until(app: FastAPI, count: int) -> None:
    """Wait (generously) until the fake has answered `count` more probes."""
    target = app.state.livez_served + count
    deadline = time.monotonic() + 90
    while app.state.livez_served < target:
        assert time.monotonic() < deadline, "the gateway stopped probing"
        time.sleep(0.01)


def test_the_breaker_opens_only_after_consecutive_failures(
    make_client: Callable[..., TestClient], fakes: dict[str, FastAPI]
) -> None:
    client = make_client(health_interval=0.02, health_failures=3)
    breaker = client.app.state.gateway.upstreams.breakers["editorial"]  # type: ignore[attr-defined]
    editorial = fakes["editorial"]
    _probes_until(editorial, 2)
    assert breaker.seen_up and not breaker.down
    for _ in range(3):  # two failures then a success, three times: a stutter, not an outage
        editorial.state.livez_failures = 2
        _probes_until(editorial, 3)
    assert (breaker.down, breaker.times_down) == (False, 0)
    assert client.get("/api/editorial/x").status_code == 200

    editorial.state.livez_failures = 1000
    _probes_until(editorial, 3)
    _probes_until(editorial, 1)  # the third failure is noted once its probe returned
    assert breaker.down and breaker.times_down == 1
    assert client.get("/api/editorial/x").status_code == 503
    editorial.state.livez_failures = 0
    _probes_until(editorial, 2)
    assert not breaker.down
    assert client.get("/api/editorial/x").status_code == 200


class Collect(logging.Handler):
    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_a_service_still_starting_is_not_reported_down(
    make_client: Callable[..., TestClient],
    fakes: dict[str, FastAPI],
) -> None:
    port = free_port()
    client = make_client(editorial_url=f"http://127.0.0.1:{port}", health_interval=0.02)
    breaker = client.app.state.gateway.upstreams.breakers["editorial"]  # type: ignore[attr-defined]
    handler = Collect(logging.INFO)
    records = handler.records
    logger = logging.getLogger("relais.gateway.breaker")
    logger.addHandler(handler)
    try:
        deadline = time.monotonic() + 90
        while breaker.failed_in_a_row < 5:  # nothing listens yet: connection refused
            assert time.monotonic() < deadline
            time.sleep(0.01)
        assert client.get("/api/editorial/x").status_code == 503  # fast, and honest
        config = uvicorn.Config(
            fakes["editorial"], host="127.0.0.1", port=port, log_level="warning"
        )
        with serve_config(config):
            while not breaker.seen_up:
                assert time.monotonic() < deadline
                time.sleep(0.01)
            assert client.get("/api/editorial/x").status_code == 200
            said = [r.getMessage() for r in records if "editorial" in r.getMessage()]
            assert breaker.times_down == 0
    finally:
        logger.removeHandler(handler)
    assert said == ["service editorial is up"]  # and never "marked down"
