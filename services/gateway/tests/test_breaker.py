"""A hung service (SIGSTOP: the kernel still accepts connections) is answered 503 at once.

The editorial service runs as a real uvicorn subprocess; the gateway in front of it keeps
its 30 s request timeout, so a 503 can only come from the health-based circuit breaker.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from relais_common.testing import TEST_SECRET
from relais_gateway.config import GatewaySettings
from relais_gateway.main import create_app

from .upstream import free_port, serve

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
    deadline = time.monotonic() + 30
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
        deadline = time.monotonic() + 10
        while _status(base + HUNG_PATH, timeout=10.0) != 200:
            assert time.monotonic() < deadline, "the gateway did not mark editorial up again"
            time.sleep(0.2)
        assert httpx.get(base + "/readyz", timeout=10.0).json()["services"]["editorial"] == "up"
