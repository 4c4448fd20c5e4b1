"""`make run` survives a crash: scripts/run_stack.py restarts a killed service, the rest serves on.

The launcher runs for real (RELAIS_DEMO=0, a throwaway var dir, free ports, none of the
caller's Relais settings); one service is killed with SIGKILL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .upstream import free_port

REPO = Path(__file__).resolve().parents[3]
PREFIXES = ("RELAIS_", "GATEWAY_", "AMBASSADORS_", "EDITORIAL_", "AGGREGATOR_")
GENEROUS = 240.0  # seconds: start-up on a busy machine; a bound on "never", not a benchmark


def _status(url: str) -> int | None:
    try:
        return httpx.get(url, timeout=30.0).status_code
    except httpx.HTTPError:
        return None


def _until(condition: object, what: str, log: Path) -> None:
    deadline = time.monotonic() + GENEROUS
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, (
            f"{what} did not happen; launcher output:\n" + (log.read_text()[-4000:])
        )
        time.sleep(0.25)


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    ports = set()
    while len(ports) < 4:
        ports.add(free_port())
    gateway, ambassadors, editorial, aggregator = sorted(ports)
    env = {k: v for k, v in os.environ.items() if not k.startswith(PREFIXES)}
    env |= {
        "RELAIS_ENV": "development",
        "RELAIS_VAR_DIR": str(tmp_path / "var"),
        "RELAIS_DEMO": "0",
        "RELAIS_HOST": "127.0.0.1",
        "RELAIS_PORT": str(gateway),
        "RELAIS_AMBASSADORS_URL": f"http://127.0.0.1:{ambassadors}",
        "RELAIS_EDITORIAL_URL": f"http://127.0.0.1:{editorial}",
        "RELAIS_AGGREGATOR_URL": f"http://127.0.0.1:{aggregator}",
        "RELAIS_SPA_DIR": str(tmp_path / "dist"),
        "RELAIS_ADMIN_PASSWORD": "launcher-test-password",
        "AMBASSADORS_PASSWORD_HASHING": "fast",
    }
    log = tmp_path / "launcher.log"
    with log.open("wb") as out:
        launcher = subprocess.Popen(  # noqa: S603 - our interpreter, our script
            [sys.executable, str(REPO / "scripts" / "run_stack.py")],
            env=env,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield f"http://127.0.0.1:{gateway}", tmp_path / "var" / "run", log
    finally:
        launcher.send_signal(signal.SIGTERM)  # it stops every child, then itself
        try:
            launcher.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(launcher.pid, signal.SIGKILL)  # the group this test started
            launcher.wait(timeout=10)


def test_a_killed_service_is_restarted_and_the_public_page_stays_up(
    stack: tuple[str, Path, Path],
) -> None:
    url, run_dir, log = stack
    # the banner: the launcher is supervising now (a death before it is a failed start-up)
    _until(lambda: "Ctrl-C stops everything" in log.read_text(), "the stack getting ready", log)
    assert _status(url + "/readyz") == 200
    banner = log.read_text()
    assert banner.count("launcher-test-password") == 0  # never printed (it came from the env)
    assert "marked down" not in banner and "poll from ambassadors failed" not in banner

    pid_file = run_dir / "ambassadors.pid"
    victim = int(pid_file.read_text())
    os.kill(victim, signal.SIGKILL)
    public: list[int | None] = []

    def back() -> bool:
        public.append(_status(url + "/"))
        pid = int(pid_file.read_text())
        return pid != victim and _status(url + "/api/ambassadors/livez") == 200

    _until(back, "ambassadors coming back", log)
    assert set(public) == {200}, public  # the public page answered all along
    assert "ambassadors exited (signal 9)" in log.read_text()
    _until(lambda: _status(url + "/readyz") == 200, "the stack ready again", log)
