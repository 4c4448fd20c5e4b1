"""What one FastAPI threadpool hop costs: the same no-I/O endpoint as `async def` and as `def`.

Serves bench/hop_app.py with uvicorn (one worker, 127.0.0.1), then for each variant: 16 keep-alive
connections with wrk (aiohttp loop if wrk is missing), and the median of requests sent one at a
time. Last line:

    BENCH thread_hop async_rps= sync_rps= async_p99_ms= sync_p99_ms= async_serial_ms= sync_serial_ms=

This is why relais_common's identity checks are `async def`, and why a handler that does no I/O
should be too. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from gateway_bench import free_port, load, wait_ready
from relais_common.auth import issue_identity_token
from stack_bench import serial_ms

SECRET = "bench-internal-secret-0123456789abcdef"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8)
    options = parser.parse_args()
    port = free_port()
    log = Path(tempfile.mkdtemp(prefix="relais-hop-bench-")) / "uvicorn.log"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "hop_app:create_app",
            "--app-dir",
            str(Path(__file__).parent),
            "--port",
            str(port),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        env={**os.environ, "RELAIS_INTERNAL_SECRET": SECRET},
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    figures: dict[str, tuple[float, float, float]] = {}
    try:
        base = f"http://127.0.0.1:{port}"
        wait_ready(f"{base}/docs", server)
        header = (
            f"X-Relais-Identity: {issue_identity_token(SECRET, 'bench', {'ambassador'}, ttl=3600)}"
        )
        for variant in ("async", "sync"):
            load(f"{base}/{variant}", header, 2)  # warm-up
            rps, p99, bad = load(f"{base}/{variant}", header, options.seconds)
            if bad:
                raise SystemExit(f"/{variant} answered {bad} errors; see {log}")
            figures[variant] = (rps, p99, serial_ms(f"{base}/{variant}", header, 1000))
    finally:
        server.terminate()
        server.wait(timeout=10)
    for variant, (rps, p99, serial) in figures.items():
        print(f"{variant:<5} rps={rps:.0f} p99_ms={p99:.2f} serial_ms={serial:.3f}")
    (a_rps, a_p99, a_serial), (s_rps, s_p99, s_serial) = figures["async"], figures["sync"]
    print(
        f"BENCH thread_hop async_rps={a_rps:.0f} sync_rps={s_rps:.0f} async_p99_ms={a_p99:.2f} "
        f"sync_p99_ms={s_p99:.2f} async_serial_ms={a_serial:.3f} sync_serial_ms={s_serial:.3f}"
    )


if __name__ == "__main__":
    main()
