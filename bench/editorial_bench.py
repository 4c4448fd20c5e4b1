"""Calendar month view through the gateway: a network with 60 entries and their grids.

Bootstraps the ambassadors service (its first admin, SQLite in a temp dir), migrates and seeds
the editorial database through editorial's own event handlers and models (one network, 60
entries in December, one grid each with 8 variants: LinkedIn, X, Mastodon and Bluesky in
French and English), starts ambassadors, editorial and the gateway (one worker each, free
127.0.0.1 ports), signs the admin in (the core team may read every network), then drives
``GET /api/editorial/networks/<slug>/calendar?from=...&to=...`` with ``wrk -t1 -c16``, through
the gateway and straight to the service (an identity signed here). cpu_ms: each process's CPU
per request under that load (user + system, /proc), what a shared machine disturbs least.
Prints, last:

    BENCH editorial calendar_rps=<> calendar_p99_ms=<> errors=<> direct_rps=<> direct_p99_ms=<>
        service_cpu_ms=<> gateway_cpu_ms=<> rss_mb=<>

Targets (issue 8): calendar_rps >= 500, calendar_p99_ms <= 50. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

from db_bench import cpu_seconds
from gateway_bench import CONNECTIONS, INTERNAL_SECRET, rss_mb, run_wrk
from relais_common.auth import issue_identity_token
from stack import editorial_stack

SLUG = "cloud-security"
ENTRIES = 60
VIEW = "from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z"


def seed(database_url: str) -> None:
    """The network as its events bring it, then 60 entries with a grid of 8 variants each."""
    from relais_common.db import make_engine, make_sessionmaker
    from relais_editorial.calendars.models import CalendarEntry
    from relais_editorial.grids.models import MessageGrid, MessageVariant
    from relais_editorial.networks.events import on_network_changed, on_network_member

    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    network = {
        "id": "bench-network",
        "slug": SLUG,
        "name": "Cloud security",
        "purpose": "",
        "visibility": "open",
        "archived": False,
        "theme_slugs": ["cloud", "security"],
    }
    start = datetime(2026, 12, 1, 9, tzinfo=UTC)
    with sessions.begin() as session:
        on_network_changed(session, {"payload": network})
        on_network_member(
            session,
            {
                "payload": {
                    "network_id": "bench-network",
                    "person_id": "bench-chair",
                    "display_name": "Bench Chair",
                    "role": "chair",
                }
            },
        )
        for n in range(ENTRIES):
            entry = CalendarEntry(
                network_id="bench-network",
                kind=("event", "topic", "campaign", "launch")[n % 4],
                title=f"Entry {n}",
                starts_at=start + timedelta(hours=12 * n),
                ends_at=start + timedelta(hours=12 * n + 1),
                theme_slug="cloud",
                owner_id="bench-chair",
                status="planned",
            )
            session.add(entry)
            session.flush()
            grid = MessageGrid(
                entry_id=entry.id,
                network_id="bench-network",
                title=f"Grid {n}",
                author_id="bench-chair",
                hashtags=["#cloud"],
                mentions=[],
            )
            session.add(grid)
            session.flush()
            for platform in ("linkedin", "x", "mastodon", "bluesky"):
                for language in ("fr", "en"):
                    session.add(
                        MessageVariant(
                            grid_id=grid.id,
                            platform=platform,
                            language=language,
                            text=f"Message {n} for {platform} in {language}",
                        )
                    )
    engine.dispose()


def profile(pid: int, tmp: Path, seconds: int) -> subprocess.Popen[bytes] | None:
    """BENCH_PYSPY=<py-spy binary>: sample the editorial worker during the gateway run
    (collapsed stacks, idle included, in <tmp>/editorial.spy; use BENCH_KEEP=1 to keep it)."""
    binary = os.environ.get("BENCH_PYSPY")
    if not binary:
        return None
    out = tmp / "editorial.spy"
    print(f"py-spy: {out}")
    args = [binary, "record", "-p", str(pid), "-d", str(seconds), "-f", "raw", "-o", str(out)]
    return subprocess.Popen([*args, "--idle", "-r", "200"], stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed (make bench-tools installs it)")
    with editorial_stack("relais-editorial-bench-", seed=seed) as stack:
        url = f"{stack.gateway_url}/api/editorial/networks/{SLUG}/calendar?{VIEW}"
        header = f"Authorization: Bearer {stack.bearer}"
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {stack.bearer}"})
        with urllib.request.urlopen(request, timeout=10) as resp:
            body = resp.read()
        items = json.loads(body)["items"]
        variants = sum(sum(g["variant_counts"].values()) for i in items for g in i["grids"])
        print(f"month view: {len(items)} entries, {variants} variants, {len(body)} bytes")
        run_wrk(url, header, 2)  # warm-up
        pids = stack.pids
        before = {name: cpu_seconds(pid) for name, pid in pids.items()}
        spy = profile(pids["service"], stack.tmp, options.seconds)
        rps, p99, bad = run_wrk(url, header, options.seconds)
        if spy is not None:
            spy.wait(timeout=60)
        requests = max(1.0, rps * options.seconds)
        cpu = {n: (cpu_seconds(pid) - before[n]) * 1000 / requests for n, pid in pids.items()}
        print(
            f"via gateway: rps={rps:.0f} p99_ms={p99:.2f} errors={bad} "
            + " ".join(f"{n}_cpu_ms={v:.2f}" for n, v in cpu.items())
        )
        direct = f"{stack.service_url}/networks/{SLUG}/calendar?{VIEW}"
        identity = issue_identity_token(INTERNAL_SECRET, "bench-admin", {"admin"}, ttl=600)
        d_before = cpu_seconds(pids["service"])
        d_rps, d_p99, d_bad = run_wrk(direct, f"X-Relais-Identity: {identity}", options.seconds)
        d_cpu = (cpu_seconds(pids["service"]) - d_before) * 1000 / max(1.0, d_rps * options.seconds)
        print(
            f"direct: rps={d_rps:.0f} p99_ms={d_p99:.2f} errors={d_bad} service_cpu_ms={d_cpu:.2f}"
        )
        rss = max(rss_mb(pids["service"]), rss_mb(pids["gateway"]))
    print(f"load: wrk -t1 -c{CONNECTIONS}, {options.seconds} s, GET the month view, SQLite")
    print(
        f"BENCH editorial calendar_rps={rps:.0f} calendar_p99_ms={p99:.2f} errors={bad} "
        f"direct_rps={d_rps:.0f} direct_p99_ms={d_p99:.2f} service_cpu_ms={cpu['service']:.2f} "
        f"gateway_cpu_ms={cpu['gateway']:.2f} rss_mb={rss:.1f}"
    )


if __name__ == "__main__":
    sys.exit(main())
