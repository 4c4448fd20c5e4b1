"""The whole stack as `make run` starts it (demo company loaded): public page speed and memory.

1. Starts scripts/run_stack.py on a free port with a temporary RELAIS_VAR_DIR.
2. Drives 16 keep-alive connections with wrk at the public page `/`: nginx serving the same
   bytes from a file (the ceiling), the aggregator directly, and through the gateway; then a
   conditional GET (If-None-Match → 304) and the signed-in directory through the gateway.
   Then the database-backed endpoints a signed-in person uses (`/me`, the directory), through the
   gateway: under the same 16 connections, and one request at a time (median).
3. Reads the resident memory of every worker after the load.

Last lines:
    BENCH public_page rps=<via gateway> p99_ms=<via gateway> direct_vs_nginx=<ratio> not_modified_rps=<304s/s>
    BENCH db_endpoints me_rps= me_p99_ms= me_serial_ms= directory_rps= directory_p99_ms= directory_serial_ms=
    BENCH memory max_mb=<largest worker> ambassadors_mb=... editorial_mb=... aggregator_mb=... gateway_mb=...
Targets: each worker < 120 MB. Prints figures, asserts nothing; only 127.0.0.1 is targeted.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from gateway_bench import free_port, load, rss_mb

ROOT = Path(__file__).resolve().parents[1]
ADMIN_EMAIL, ADMIN_PASSWORD = "bench-admin@relais.localhost", "bench-admin-password-2026"
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))


def wait_ready(url: str, proc: subprocess.Popen[bytes], limit: float = 180) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the stack exited during start-up")
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the stack did not become ready")


def bearer(url: str) -> str:
    form = urllib.parse.urlencode({"username": ADMIN_EMAIL, "password": ADMIN_PASSWORD}).encode()
    with urllib.request.urlopen(f"{url}/api/auth/token", data=form, timeout=10) as resp:
        return str(json.load(resp)["access_token"])


def nginx_ceiling(body: bytes, tmp: Path) -> tuple[float, float]:
    """nginx serving the same page bytes from a file: the ceiling for a cached page."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        return float("nan"), float("nan")
    port = free_port()
    (tmp / "www").mkdir()
    (tmp / "www" / "index.html").write_bytes(body)
    conf = tmp / "nginx.conf"
    conf.write_text(
        f"daemon off; worker_processes 1; pid {tmp}/nginx.pid; error_log {tmp}/nginx.err;\n"
        f"events {{ worker_connections 256; }}\n"
        f"http {{ access_log off; server {{ listen 127.0.0.1:{port}; root {tmp}/www; }} }}\n"
    )
    proc = subprocess.Popen([nginx, "-c", str(conf), "-p", str(tmp)])
    try:
        time.sleep(0.5)
        rps, p99, _ = load(f"http://127.0.0.1:{port}/", "Accept: text/html", SECONDS)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return rps, p99


def serial_ms(url: str, header: str, count: int = 300) -> float:
    """Median latency of `count` requests sent one after another on one keep-alive connection."""
    target = urllib.parse.urlsplit(url)
    name, _, value = header.partition(": ")
    conn = http.client.HTTPConnection(target.hostname, target.port, timeout=10)
    path = target.path + (f"?{target.query}" if target.query else "")
    timings = []
    for _ in range(count):
        started = time.perf_counter()
        conn.request("GET", path, headers={name: value})
        conn.getresponse().read()
        timings.append((time.perf_counter() - started) * 1000)
    conn.close()
    return statistics.median(timings)


def worker_pids(stack: subprocess.Popen[bytes]) -> dict[str, int]:
    out = subprocess.run(
        ["ps", "-o", "pid=,args=", "--ppid", str(stack.pid)], capture_output=True, text=True
    ).stdout
    pids = {}
    for line in out.splitlines():
        pid, _, args = line.strip().partition(" ")
        for name in ("ambassadors", "editorial", "aggregator", "gateway"):
            if f"relais_{name}" in args:
                pids[name] = int(pid)
    return pids


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="relais-stack-bench-"))
    port = free_port()
    env = {
        **os.environ,
        "RELAIS_VAR_DIR": str(tmp / "var"),
        "RELAIS_PORT": str(port),
        "RELAIS_ADMIN_EMAIL": ADMIN_EMAIL,
        "RELAIS_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "RELAIS_LOG_LEVEL": "WARNING",
        "GATEWAY_API_RATE_PER_SECOND": "1000000",
        "GATEWAY_API_BURST": "1000000",
        # every service on a port found free (run_stack's default, RELAIS_PORT + 101..103,
        # may be taken by an ephemeral port on a busy machine)
        **{
            f"RELAIS_{name}_URL": f"http://127.0.0.1:{free_port()}"
            for name in ("AMBASSADORS", "EDITORIAL", "AGGREGATOR")
        },
    }
    url = f"http://127.0.0.1:{port}"
    stack = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "run_stack.py")],
        env=env,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_ready(url, stack)
        time.sleep(3)  # let the aggregator consume the demo company's events
        with urllib.request.urlopen(f"{url}/", timeout=5) as resp:
            body, etag = resp.read(), resp.headers["ETag"]
        aggregator = env["RELAIS_AGGREGATOR_URL"]
        token = bearer(url)
        n_rps, n_p99 = nginx_ceiling(body, tmp)
        d_rps, d_p99, _ = load(f"{aggregator}/", "Accept: text/html", SECONDS)
        g_rps, g_p99, g_bad = load(f"{url}/", "Accept: text/html", SECONDS)
        c_rps, _, _ = load(f"{url}/", f"If-None-Match: {etag}", SECONDS)
        auth = f"Authorization: Bearer {token}"
        directory_url, me_url = (
            f"{url}/api/ambassadors/directory?limit=20",
            f"{url}/api/ambassadors/me",
        )
        r_rps, r_p99, r_bad = load(directory_url, auth, SECONDS)
        m_rps, m_p99, m_bad = load(me_url, auth, SECONDS)
        r_serial, m_serial = serial_ms(directory_url, auth), serial_ms(me_url, auth)
        memory = {name: rss_mb(pid) for name, pid in sorted(worker_pids(stack).items())}
    finally:
        with contextlib.suppress(ProcessLookupError):  # already gone when start-up failed
            os.killpg(stack.pid, signal.SIGTERM)
        try:
            stack.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(stack.pid, signal.SIGKILL)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"public page: {len(body)} bytes, 16 keep-alive connections, {SECONDS} s per run")
    print(f"nginx static     rps={n_rps:.0f} p99_ms={n_p99:.2f}")
    print(f"aggregator       rps={d_rps:.0f} p99_ms={d_p99:.2f}")
    print(f"via gateway      rps={g_rps:.0f} p99_ms={g_p99:.2f} errors={g_bad}")
    print(f"304 via gateway  rps={c_rps:.0f}")
    print(
        f"directory (api)  rps={r_rps:.0f} p99_ms={r_p99:.2f} errors={r_bad} serial_ms={r_serial:.2f}"
    )
    print(
        f"/me (api)        rps={m_rps:.0f} p99_ms={m_p99:.2f} errors={m_bad} serial_ms={m_serial:.2f}"
    )
    print(
        f"BENCH public_page rps={g_rps:.0f} p99_ms={g_p99:.2f} "
        f"direct_vs_nginx={d_rps / n_rps:.3f} not_modified_rps={c_rps:.0f}"
    )
    print(
        f"BENCH db_endpoints me_rps={m_rps:.0f} me_p99_ms={m_p99:.2f} me_serial_ms={m_serial:.2f} "
        f"directory_rps={r_rps:.0f} directory_p99_ms={r_p99:.2f} directory_serial_ms={r_serial:.2f}"
    )
    parts = " ".join(f"{name}_mb={mb:.1f}" for name, mb in memory.items())
    print(f"BENCH memory max_mb={max(memory.values(), default=0):.1f} {parts}")


if __name__ == "__main__":
    main()
