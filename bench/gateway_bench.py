"""Gateway overhead: one real service endpoint, directly and through the gateway, side by side.

Starts the editorial service (SQLite in a temp dir) and the gateway as uvicorn subprocesses
(one worker each) on free 127.0.0.1 ports, drives 16 keep-alive connections for N seconds with
wrk (or an aiohttp loop when wrk is missing), then prints detail lines and, last:

    BENCH gateway ratio=<gw/direct> p99_ms=<p99 via gateway> rss_mb=<largest RSS after>
        gateway_cpu_ms=<the gateway's CPU per proxied request>

Targets: ratio >= 0.35, p99 < 40 ms, each process < 120 MB. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from relais_common.auth import issue_identity_token
from relais_common.migrations import upgrade
from relais_gateway.tokens import KIND_ACCESS, issue

HOST = "127.0.0.1"
INTERNAL_SECRET = "bench-internal-secret-0123456789abcdef"
SESSION_SECRET = "bench-session-secret-0123456789abcdef"
CONNECTIONS = 16


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def stop(*procs: subprocess.Popen[bytes]) -> None:
    """Terminate the processes, then wait for each (10 s) and kill what is still running."""
    for proc in procs:
        proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    handle = log.open("wb")
    return subprocess.Popen(
        [sys.executable, *args], env={**os.environ, **env}, stdout=handle, stderr=handle
    )


def wait_ready(url: str, proc: subprocess.Popen[bytes], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"process for {url} exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not become ready in {seconds} s")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (/proc/<pid>/stat, clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url: str, header: str, seconds: int) -> tuple[float, float, int]:
    out = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "-H", header, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return (
        rps,
        _ms(p99.group(1), p99.group(2)) if p99 else float("nan"),
        int(bad.group(1)) if bad else 0,
    )


async def _aiohttp_load(url: str, header: str, seconds: int) -> tuple[float, float, int]:
    import aiohttp

    name, _, value = header.partition(": ")
    latencies: list[float] = []
    bad = 0
    deadline = time.monotonic() + seconds

    async def worker(session: aiohttp.ClientSession) -> None:
        nonlocal bad
        while time.monotonic() < deadline:
            started = time.perf_counter()
            async with session.get(url, headers={name: value}) as resp:
                await resp.read()
                bad += resp.status >= 400
            latencies.append((time.perf_counter() - started) * 1000)

    connector = aiohttp.TCPConnector(limit=CONNECTIONS)
    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(*(worker(session) for _ in range(CONNECTIONS)))
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99)] if latencies else float("nan")
    return len(latencies) / seconds, p99, bad


def load(url: str, header: str, seconds: int) -> tuple[float, float, int]:
    if shutil.which("wrk"):
        return run_wrk(url, header, seconds)
    return asyncio.run(_aiohttp_load(url, header, seconds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--path", default="/me/export", help="editorial endpoint to drive")
    options = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="relais-bench-"))
    # the service's tables come from its migrations (an empty file answered 500: no such table)
    upgrade(
        Path(__file__).resolve().parents[1] / "services" / "editorial",
        f"sqlite:///{tmp / 'editorial.db'}",
    )
    service_port, gateway_port = free_port(), free_port()
    common = {
        "RELAIS_ENV": "test",
        "RELAIS_INTERNAL_SECRET": INTERNAL_SECRET,
        "RELAIS_SESSION_SECRET": SESSION_SECRET,
        "RELAIS_VAR_DIR": str(tmp),
        "RELAIS_RUN_WORKERS": "false",
        "RELAIS_LOG_LEVEL": "WARNING",
    }
    service = start(
        [
            "-m",
            "uvicorn",
            "--factory",
            "relais_editorial.main:create_app",
            "--host",
            HOST,
            "--port",
            str(service_port),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        common,
        tmp / "editorial.log",
    )
    gateway = start(
        ["-m", "relais_gateway"],
        {
            **common,
            "RELAIS_HOST": HOST,
            "RELAIS_PORT": str(gateway_port),
            "RELAIS_EDITORIAL_URL": f"http://{HOST}:{service_port}",
            "RELAIS_LOG_LEVEL": "INFO",  # keep the gateway's access log on, as in production
            "GATEWAY_API_RATE_PER_SECOND": "1000000",
            "GATEWAY_API_BURST": "1000000",
        },
        tmp / "gateway.log",
    )
    try:
        wait_ready(f"http://{HOST}:{service_port}/livez", service)
        wait_ready(f"http://{HOST}:{gateway_port}/livez", gateway)
        identity = issue_identity_token(INTERNAL_SECRET, "bench-user", {"ambassador"})
        bearer = issue(
            SESSION_SECRET, kind=KIND_ACCESS, user_id="bench-user", roles=["ambassador"], ttl=3600
        )
        direct_url = f"http://{HOST}:{service_port}{options.path}"
        gateway_url = f"http://{HOST}:{gateway_port}/api/editorial{options.path}"
        load(direct_url, f"X-Relais-Identity: {identity}", 2)  # warm-up
        load(gateway_url, f"Authorization: Bearer {bearer}", 2)
        d_rps, d_p99, d_bad = load(direct_url, f"X-Relais-Identity: {identity}", options.seconds)
        gateway_cpu = process_cpu_seconds(gateway.pid)
        g_rps, g_p99, g_bad = load(gateway_url, f"Authorization: Bearer {bearer}", options.seconds)
        gateway_cpu_ms = (
            (process_cpu_seconds(gateway.pid) - gateway_cpu)
            * 1000
            / max(1.0, g_rps * options.seconds)
        )
        rss = {"editorial": rss_mb(service.pid), "gateway": rss_mb(gateway.pid)}
    finally:
        stop(gateway, service)
        shutil.rmtree(tmp, ignore_errors=True)
    tool = "wrk" if shutil.which("wrk") else "aiohttp-loop"
    print(
        f"load: {tool}, {CONNECTIONS} keep-alive connections, {options.seconds} s each, GET {options.path}"
    )
    print(f"direct   rps={d_rps:.0f} p99_ms={d_p99:.2f} errors={d_bad}")
    print(f"gateway  rps={g_rps:.0f} p99_ms={g_p99:.2f} errors={g_bad}")
    print(f"rss_mb editorial={rss['editorial']:.1f} gateway={rss['gateway']:.1f}")
    print(
        f"BENCH gateway ratio={g_rps / d_rps:.3f} p99_ms={g_p99:.2f} rss_mb={max(rss.values()):.1f} "
        f"gateway_cpu_ms={gateway_cpu_ms:.3f}"
    )


if __name__ == "__main__":
    main()
