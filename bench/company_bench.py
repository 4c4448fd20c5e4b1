"""A company of 100,000 people on PostgreSQL: directory search, export and erasure of one person.

Creates a throwaway PostgreSQL database, runs the ambassadors migrations, seeds the company
(seed_company.py, COPY), starts the ambassadors service on it (uvicorn, one worker, 127.0.0.1),
then, one request at a time on a keep-alive connection with a signed-in person's identity:
- directory searches by name fragment (2-5 letters of real names), most with a filter
  (department, theme, language, platform), a deep cursor page now and then;
- that person's export (GET /me/export), then their erasure (DELETE /me, password typed again).
The database is dropped at the end.

    python bench/company_bench.py [--people 100000] [--searches 300]

Last line:
    BENCH company_100k search_p99_ms= search_p50_ms= export_ms= erase_ms= seed_s= rss_mb=
Targets: search p99 <= 50 ms, export and erasure <= 1 s each. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import statistics
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

import psycopg
from db_bench import PG_URL, as_deployed, fill_bytecode, popen, throwaway_pg, uvicorn_args
from gateway_bench import HOST, INTERNAL_SECRET, free_port, rss_mb, stop, wait_ready
from relais_ambassadors.accounts.passwords import configure, hash_password
from relais_common.auth import issue_identity_token
from relais_common.migrations import upgrade
from seed_company import seed

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench-person-password-2026"


class Client:
    """One keep-alive connection; every call returns (status, body, milliseconds)."""

    def __init__(self, port: int, identity: str) -> None:
        self.conn = http.client.HTTPConnection(HOST, port, timeout=60)
        self.headers = {"X-Relais-Identity": identity}

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, bytes, float]:
        headers = dict(self.headers)
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        self.conn.request(method, path, body=payload, headers=headers)
        resp = self.conn.getresponse()
        data = resp.read()
        return resp.status, data, (time.perf_counter() - started) * 1000


def catalog(url: str) -> dict[str, Any]:
    """Ids and values the searches filter on, and the person who signs in."""
    with psycopg.connect(url) as conn:
        departments = [r[0] for r in conn.execute("SELECT id FROM department")]
        themes = [r[0] for r in conn.execute("SELECT slug FROM theme")]
        names = [r[0] for r in conn.execute("SELECT display_name FROM ambassador LIMIT 2000")]
        row = conn.execute(
            "SELECT id FROM ambassador WHERE suspended_at IS NULL"
            " AND accepted_charter_version = 1 AND listing_public ORDER BY id LIMIT 1"
        ).fetchone()
        assert row is not None, "the seed has no listed person"
        person = row[0]
        conn.execute(
            "UPDATE ambassador SET password_hash = %s WHERE id = %s",
            [hash_password(PASSWORD), person],
        )
        conn.commit()
    return {"departments": departments, "themes": themes, "names": names, "person": person}


def search_paths(cat: dict[str, Any], count: int, rng: random.Random) -> list[str]:
    paths = []
    for i in range(count):
        word = rng.choice(rng.choice(cat["names"]).split())
        start = rng.randint(0, max(0, len(word) - 3))
        params: dict[str, str] = {"q": word[start : start + rng.randint(2, 5)], "limit": "20"}
        match i % 5:
            case 0:
                params["department"] = rng.choice(cat["departments"])
            case 1:
                params["theme"] = rng.choice(cat["themes"])
            case 2:
                params["language"] = rng.choice(["fr", "en", "es", "de"])
            case 3:
                params["platform"] = rng.choice(["github", "linkedin"])
            case _:
                params.pop("q")  # a filter alone, the whole company sorted by name
                params["language"] = "en"
        paths.append("/directory?" + urllib.parse.urlencode(params))
    return paths


def run_searches(client: Client, paths: list[str], slowest: list[tuple[float, str]]) -> list[float]:
    timings = []
    for path in paths:
        status, body, ms = client.call("GET", path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}: {body[:200]!r}")
        timings.append(ms)
        slowest.append((ms, path))
        cursor = json.loads(body)["next_cursor"]
        if cursor and len(timings) % 10 == 0:  # the next page now and then
            status, _, ms = client.call("GET", f"{path}&cursor={cursor}")
            timings.append(ms)
    return timings


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=300)
    options = parser.parse_args()
    configure("standard")
    tmp = Path(tempfile.mkdtemp(prefix="relais-company-bench-"))
    try:
        with throwaway_pg(PG_URL, prefix="relais_bench_company") as url:
            upgrade(ROOT / "services" / "ambassadors", url)
            started = time.perf_counter()
            count = seed(url, options.people)
            seed_s = time.perf_counter() - started
            print(f"seeded {count} people in {seed_s:.1f} s")
            cat = catalog(url)
            figures = measure(url, tmp, cat, options.searches)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    s = figures["search"]
    print(
        f"searches: {len(s)} one at a time, p50={percentile(s, 0.5):.2f} ms "
        f"p99={percentile(s, 0.99):.2f} ms max={max(s):.2f} ms"
    )
    print(f"export {figures['export']:.1f} ms ({figures['export_bytes']} bytes)")
    print(f"erasure {figures['erase']:.1f} ms (status {figures['erase_status']})")
    print(
        f"BENCH company_100k search_p99_ms={percentile(s, 0.99):.2f} "
        f"search_p50_ms={statistics.median(s):.2f} export_ms={figures['export']:.1f} "
        f"erase_ms={figures['erase']:.1f} seed_s={seed_s:.1f} rss_mb={figures['rss']:.1f}"
    )


def measure(url: str, tmp: Path, cat: dict[str, Any], searches: int) -> dict[str, Any]:
    port = free_port()
    env = {
        **as_deployed(dict(os.environ)),  # bytecode and MALLOC_ARENA_MAX=2, as in db_bench
        "RELAIS_ENV": "test",
        "RELAIS_INTERNAL_SECRET": INTERNAL_SECRET,
        "RELAIS_VAR_DIR": str(tmp),
        "RELAIS_RUN_WORKERS": "false",
        "RELAIS_LOG_LEVEL": "WARNING",
        "AMBASSADORS_DATABASE_URL": url,
    }
    fill_bytecode(env)
    service = popen(uvicorn_args("relais_ambassadors.main:create_app", port), env, tmp / "svc.log")
    try:
        wait_ready(f"http://{HOST}:{port}/livez", service, 60)
        identity = issue_identity_token(INTERNAL_SECRET, cat["person"], {"ambassador"}, ttl=3600)
        client = Client(port, identity)
        paths = search_paths(cat, searches, random.Random(7))
        run_searches(client, paths[:20], [])  # warm-up: plans and caches
        slowest: list[tuple[float, str]] = []
        timings = run_searches(client, paths, slowest)
        for ms, path in sorted(slowest, reverse=True)[:5]:
            print(f"slow search {ms:.1f} ms {urllib.parse.unquote(path)}")
        status, body, export_ms = client.call("GET", "/me/export")
        if status != 200:
            raise SystemExit(f"export answered {status}: {body[:200]!r}")
        erase_status, _, erase_ms = client.call("DELETE", "/me", {"password": PASSWORD})
        rss = rss_mb(service.pid)
    finally:
        stop(service)
    return {
        "search": timings,
        "export": export_ms,
        "export_bytes": len(body),
        "erase": erase_ms,
        "erase_status": erase_status,
        "rss": rss,
    }


if __name__ == "__main__":
    main()
