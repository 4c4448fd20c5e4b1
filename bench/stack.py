"""Ambassadors, editorial and the gateway as uvicorn subprocesses, for the editorial benches.

    with editorial_stack("relais-editorial-bench-", seed=seed) as stack:
        stack.gateway_url, stack.service_url, stack.bearer, stack.pids ...

Bootstraps the ambassadors service (its first admin, SQLite in a temp dir), migrates editorial
and calls ``seed(database_url)`` when given, starts the three processes (one worker each, free
127.0.0.1 ports, the gateway's access log on as in production, its API rate limit lifted),
waits until they answer, signs the admin in through the gateway, and stops them at the end
(the temp dir is removed unless BENCH_KEEP=1).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from db_bench import base_env, popen, sign_in, uvicorn_args
from gateway_bench import HOST, free_port, stop, wait_ready


@dataclass(frozen=True)
class Stack:
    tmp: Path
    gateway_url: str
    service_url: str  # editorial, straight
    bearer: str  # the admin's, through the gateway
    pids: dict[str, int]  # service (editorial), gateway, ambassadors


@contextmanager
def editorial_stack(prefix: str, *, seed: Callable[[str], None] | None = None) -> Iterator[Stack]:
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    env = base_env(tmp, "")
    run = {"env": env, "check": True, "stdout": subprocess.DEVNULL, "timeout": 120}
    subprocess.run([sys.executable, "-m", "relais_ambassadors.bootstrap"], **run)  # type: ignore[call-overload]
    if seed is not None:
        migrate = [sys.executable, "-m", "relais_common.migrations_cli", "editorial", "upgrade"]
        subprocess.run(migrate, **run)  # type: ignore[call-overload]
        seed(f"sqlite:///{tmp / 'editorial.db'}")
    people_port, service_port, gateway_port = free_port(), free_port(), free_port()
    people_url = f"http://{HOST}:{people_port}"
    service_url = f"http://{HOST}:{service_port}"
    gateway_url = f"http://{HOST}:{gateway_port}"
    env["RELAIS_AMBASSADORS_URL"] = people_url
    people = popen(
        uvicorn_args("relais_ambassadors.main:create_app", people_port), env, tmp / "people.log"
    )
    service = popen(
        uvicorn_args("relais_editorial.main:create_app", service_port), env, tmp / "editorial.log"
    )
    gw_env = {
        **env,
        "RELAIS_HOST": HOST,
        "RELAIS_PORT": str(gateway_port),
        "RELAIS_EDITORIAL_URL": service_url,
        "RELAIS_LOG_LEVEL": "INFO",  # the gateway's access log stays on, as in production
        "GATEWAY_API_RATE_PER_SECOND": "1000000",
        "GATEWAY_API_BURST": "1000000",
    }
    gateway = popen(["-m", "relais_gateway"], gw_env, tmp / "gateway.log")
    procs = (gateway, service, people)
    try:
        wait_ready(f"{people_url}/livez", people, 120)
        wait_ready(f"{service_url}/livez", service, 120)
        wait_ready(f"{gateway_url}/livez", gateway, 120)
        pids = {"service": service.pid, "gateway": gateway.pid, "ambassadors": people.pid}
        yield Stack(tmp, gateway_url, service_url, sign_in(gateway_url), pids)
    finally:
        stop(*procs)
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(tmp, ignore_errors=True)
