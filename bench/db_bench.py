"""Database-backed endpoints (`/me`, a directory page) through the gateway, SQLite and PostgreSQL.

For each database: a throwaway store (a temp SQLite file, or a PostgreSQL database created here
and dropped at the end), the demo company loaded, the ambassadors service and the gateway as
uvicorn subprocesses (one worker each, 127.0.0.1 only). Then, through the gateway and straight to
the service: 16 keep-alive connections with wrk (aiohttp loop if wrk is missing), and one request
at a time on one connection (median); last, the resident memory of both workers.

    python bench/db_bench.py [--db sqlite|postgresql|both] [--seconds 8]

Last lines, one per database:
    BENCH db_endpoints db=<sqlite|postgresql> me_rps= me_p99_ms= me_serial_ms= directory_rps=
        directory_p99_ms= directory_serial_ms= me_cpu_ms= directory_cpu_ms= me_gateway_cpu_ms=
        directory_gateway_cpu_ms= rss_mb=<largest worker>
Targets: directory >= 600 rps with p99 <= 50 ms, /me >= 800 rps with p99 <= 30 ms, 16 connections
never slower than one at a time, each worker < 120 MB. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gateway_bench import (
    HOST,
    INTERNAL_SECRET,
    SESSION_SECRET,
    free_port,
    load,
    rss_mb,
    stop,
    wait_ready,
)
from stack_bench import serial_ms

ADMIN_EMAIL, ADMIN_PASSWORD = "bench-admin@relais.localhost", "bench-admin-password-2026"
PG_URL = os.environ.get("PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
DIRECTORY, ME = "/directory?limit=20", "/me"


@contextmanager
def throwaway_pg(admin_url: str, prefix: str = "relais_bench") -> Iterator[str]:
    """A fresh PostgreSQL database for the run (dropped afterwards); yields its URL."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# Workers run as deployed: the Dockerfiles compile bytecode (UV_COMPILE_BYTECODE=1) and set
# MALLOC_ARENA_MAX=2. Without bytecode (PYTHONDONTWRITEBYTECODE is set on the shared machine)
# a worker compiled every module it imported, some inside its first requests (anyio's asyncio
# backend), and its RSS kept the compiler's peaks: ~5 MB more than the same worker with
# bytecode. The cache lives outside the checkout; the demo loader fills it before the service.
PYCACHE = Path(tempfile.gettempdir()) / "relais-bench-pycache"


def as_deployed(env: dict[str, str]) -> dict[str, str]:
    """A worker's environment with the deployed bytecode and malloc settings."""
    env = {key: value for key, value in env.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env["MALLOC_ARENA_MAX"] = os.environ.get("MALLOC_ARENA_MAX", "2")
    return env


def fill_bytecode(env: dict[str, str]) -> None:
    """Compile what the workers import into PYCACHE before they start (a no-op once filled)."""
    modules = "uvicorn.main, relais_ambassadors.main, relais_gateway.main, anyio._backends._asyncio"
    subprocess.run([sys.executable, "-c", f"import {modules}"], env=env, check=True, timeout=300)


def base_env(tmp: Path, database_url: str) -> dict[str, str]:
    env = {
        **as_deployed(dict(os.environ)),
        "RELAIS_ENV": "test",
        "RELAIS_INTERNAL_SECRET": INTERNAL_SECRET,
        "RELAIS_SESSION_SECRET": SESSION_SECRET,
        "RELAIS_VAR_DIR": str(tmp),
        "RELAIS_RUN_WORKERS": "false",
        "RELAIS_LOG_LEVEL": "WARNING",
        "RELAIS_ADMIN_EMAIL": ADMIN_EMAIL,
        "RELAIS_ADMIN_PASSWORD": ADMIN_PASSWORD,
    }
    if database_url:
        env["AMBASSADORS_DATABASE_URL"] = database_url
    return env


def popen(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    handle = log.open("wb")
    return subprocess.Popen([sys.executable, *args], env=env, stdout=handle, stderr=handle)


def uvicorn_args(app: str, port: int) -> list[str]:
    quiet = ["--no-access-log", "--log-level", "warning"]
    return ["-m", "uvicorn", "--factory", app, "--host", HOST, "--port", str(port), *quiet]


def sign_in(gateway: str) -> str:
    """A bearer token for the admin; retried while the gateway still marks the service down."""
    form = urllib.parse.urlencode({"username": ADMIN_EMAIL, "password": ADMIN_PASSWORD}).encode()
    for _ in range(20):
        try:
            with urllib.request.urlopen(f"{gateway}/api/auth/token", data=form, timeout=30) as r:
                return str(json.load(r)["access_token"])
        except urllib.error.HTTPError as exc:
            if exc.code != 502:
                raise
            time.sleep(0.5)
    raise SystemExit("the gateway never reached the ambassadors service")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (/proc/<pid>/stat, clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def drive(
    label: str, url: str, header: str, seconds: int, pid: int, gateway_pid: int
) -> dict[str, float]:
    """16 connections, then one at a time. cpu_ms: the service's (and the gateway's) CPU per
    request under the 16 connections, figures that the other loads of a shared machine
    disturb less than rps."""
    load(url, header, 2)  # warm-up
    before, gw_before = cpu_seconds(pid), cpu_seconds(gateway_pid)
    rps, p99, bad = load(url, header, seconds)
    requests = max(1.0, rps * seconds)
    cpu_ms = (cpu_seconds(pid) - before) * 1000 / requests
    gw_cpu_ms = (cpu_seconds(gateway_pid) - gw_before) * 1000 / requests
    serial = serial_ms(url, header)
    print(
        f"{label:<24} rps={rps:.0f} p99_ms={p99:.2f} errors={bad} serial_ms={serial:.2f} "
        f"service_cpu_ms={cpu_ms:.2f} gateway_cpu_ms={gw_cpu_ms:.2f}"
    )
    return {"rps": rps, "p99": p99, "serial": serial, "cpu": cpu_ms, "gw_cpu": gw_cpu_ms}


def run_one(db: str, seconds: int, direct: bool) -> str:
    tmp = Path(tempfile.mkdtemp(prefix=f"relais-db-bench-{db}-"))
    try:
        with throwaway_pg(PG_URL) if db == "postgresql" else nullcontext_str() as url:
            return measure(db, tmp, url, seconds, direct)
    finally:
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(tmp, ignore_errors=True)


@contextmanager
def nullcontext_str() -> Iterator[str]:
    yield ""


def measure(db: str, tmp: Path, database_url: str, seconds: int, direct: bool) -> str:
    env = base_env(tmp, database_url)
    fill_bytecode(env)
    subprocess.run(
        [sys.executable, "-m", "relais_ambassadors.demo"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=600,
    )
    service_port, gateway_port = free_port(), free_port()
    service = popen(
        uvicorn_args("relais_ambassadors.main:create_app", service_port), env, tmp / "svc.log"
    )
    gw_env = {
        **env,
        "RELAIS_HOST": HOST,
        "RELAIS_PORT": str(gateway_port),
        "RELAIS_AMBASSADORS_URL": f"http://{HOST}:{service_port}",
        "RELAIS_LOG_LEVEL": "INFO",  # the gateway's access log stays on, as in production
        "GATEWAY_API_RATE_PER_SECOND": "1000000",
        "GATEWAY_API_BURST": "1000000",
    }
    gateway = popen(["-m", "relais_gateway"], gw_env, tmp / "gateway.log")
    figures: dict[str, dict[str, float]] = {}
    try:
        wait_ready(f"http://{HOST}:{service_port}/livez", service, 120)  # a busy machine
        wait_ready(f"http://{HOST}:{gateway_port}/livez", gateway, 120)
        gw = f"http://{HOST}:{gateway_port}/api/ambassadors"
        auth = f"Authorization: Bearer {sign_in(f'http://{HOST}:{gateway_port}')}"
        print(f"{db}: 16 keep-alive connections, {seconds} s per run; serial = median of 300")
        if direct:
            ident = f"X-Relais-Identity: {direct_identity(env)}"
            svc = f"http://{HOST}:{service_port}"
            drive("directory (direct)", svc + DIRECTORY, ident, seconds, service.pid, gateway.pid)
            drive("/me (direct)", svc + ME, ident, seconds, service.pid, gateway.pid)
        figures["directory"] = drive(
            "directory (gateway)", gw + DIRECTORY, auth, seconds, service.pid, gateway.pid
        )
        figures["me"] = drive("/me (gateway)", gw + ME, auth, seconds, service.pid, gateway.pid)
        rss = {"ambassadors": rss_mb(service.pid), "gateway": rss_mb(gateway.pid)}
    finally:
        stop(gateway, service)
    print(f"{db}: rss_mb ambassadors={rss['ambassadors']:.1f} gateway={rss['gateway']:.1f}")
    me, d = figures["me"], figures["directory"]
    return (
        f"BENCH db_endpoints db={db} me_rps={me['rps']:.0f} me_p99_ms={me['p99']:.2f} "
        f"me_serial_ms={me['serial']:.2f} directory_rps={d['rps']:.0f} "
        f"directory_p99_ms={d['p99']:.2f} directory_serial_ms={d['serial']:.2f} "
        f"me_cpu_ms={me['cpu']:.2f} directory_cpu_ms={d['cpu']:.2f} "
        f"me_gateway_cpu_ms={me['gw_cpu']:.2f} directory_gateway_cpu_ms={d['gw_cpu']:.2f} "
        f"rss_mb={max(rss.values()):.1f}"
    )


def direct_identity(env: dict[str, str]) -> str:
    """An identity token for the admin, as the gateway would forward it (straight runs)."""
    from relais_common.auth import issue_identity_token
    from relais_common.db import make_engine
    from sqlalchemy import text

    settings_url = (
        env.get("AMBASSADORS_DATABASE_URL") or f"sqlite:///{env['RELAIS_VAR_DIR']}/ambassadors.db"
    )
    engine = make_engine(settings_url)
    try:
        with engine.connect() as conn:
            admin_id = conn.execute(
                text("SELECT id FROM ambassador WHERE email = :e"), {"e": ADMIN_EMAIL}
            ).scalar_one()
    finally:
        engine.dispose()
    return issue_identity_token(INTERNAL_SECRET, str(admin_id), {"admin", "ambassador"}, ttl=3600)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--direct", action="store_true", help="also drive the service directly")
    options = parser.parse_args()
    dbs = ["sqlite", "postgresql"] if options.db == "both" else [options.db]
    lines = [run_one(db, options.seconds, options.direct) for db in dbs]
    for line in lines:
        print(line)


if __name__ == "__main__":
    main()
