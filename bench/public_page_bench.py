"""The public Planet page and its JSON under 16 keep-alive connections, side by side in one run:
nginx serving the same bytes from a file, a minimal FastAPI app returning them from memory (the
Python limit), the aggregator straight, through the gateway, and through the nginx micro-cache
that deploy/nginx/planet-microcache.conf ships (in front of the gateway).

The aggregator's database is seeded here (SQLite, 60 people in 8 themes, 300 posts) so the home
page is a realistic river (title, excerpt, date, author, source for 20 posts, the people aside).
Each line also gives the CPU time per request of the Python processes on the path (`cpu_ms`:
the aggregator's, and the gateway's for the rows through it), read from /proc: a figure that other
loads of a shared machine disturb less than rps. Prints figures, asserts nothing; only 127.0.0.1
is targeted. Last lines:
    BENCH public_page ratio=<aggregator÷minimal> gateway_ratio=<gateway÷minimal> p99_ms=<> nginx_rps=<>
        aggregator_p99_ms=<> gateway_p99_ms=<> gateway_cpu_ms=<page> gateway_json_cpu_ms=<JSON>
    BENCH public_page_cached ratio=<micro-cache÷nginx>
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from db_bench import cpu_seconds
from gateway_bench import (
    HOST,
    INTERNAL_SECRET,
    SESSION_SECRET,
    free_port,
    load,
    start,
    stop,
    wait_ready,
)

ROOT = Path(__file__).resolve().parents[1]
SECONDS = int(os.environ.get("BENCH_SECONDS", "6"))
ACCEPT = {"page": "Accept: text/html", "json": "Accept: application/json"}
PATHS = {"page": "/", "json": "/public"}
VIA_GATEWAY = ("gateway", "microcache")  # the JSON is /api/aggregator/public there


def seed(database_url: str) -> None:
    """Themes, people with a feed and the consent to show posts, and their posts."""
    from relais_aggregator.config import Settings
    from relais_aggregator.consumer import ambassador_consumer
    from relais_aggregator.feeds.models import Feed, FeedItem
    from relais_aggregator.main import create_app
    from relais_common.migrations import upgrade
    from sqlalchemy import select

    upgrade(ROOT / "services" / "aggregator", database_url)
    app = create_app(Settings(database_url=database_url, env="test", run_workers=False))
    themes = [(f"t{i}", f"theme-{i}", f"Theme number {i}") for i in range(8)]
    events = [
        {"id": i + 1, "type": "theme.changed", "aggregate_id": tid, "created_at": "2026-11-30",
         "payload": {"id": tid, "slug": slug, "name": name, "description": "About " + name}}
        for i, (tid, slug, name) in enumerate(themes)
    ]  # fmt: skip
    for n in range(60):
        pid = f"person-{n:03d}"
        account = {"platform": "mastodon", "handle": f"@p{n}@example.social",
                   "profile_url": f"https://example.social/@p{n}",
                   "feed_url": f"https://example.social/@p{n}.rss", "posts": True}  # fmt: skip
        payload = {
            "id": pid, "display_name": f"Person Number {n}", "job_title": "Engineer",
            "location": "Lyon", "languages": ["fr", "en"], "bio": "Writes about clouds. " * 4,
            "themes": [{"slug": themes[n % 8][1], "name": themes[n % 8][2]}],
            "accounts": [account], "listed_at": "2026-11-20T09:00:00+00:00",
        }  # fmt: skip
        events.append({"id": len(events) + 1, "type": "ambassador.public", "aggregate_id": pid,
                       "payload": payload, "created_at": "2026-11-30"})  # fmt: skip
    ambassador_consumer(app).apply(events)
    now = datetime(2026, 12, 1, 12, tzinfo=UTC)
    with app.state.sessionmaker() as session, session.begin():
        feeds = list(session.execute(select(Feed.id, Feed.person_id)))
        for i in range(300):
            feed_id, person_id = feeds[i % len(feeds)]
            session.add(FeedItem(
                feed_id=feed_id, person_id=person_id, guid=f"g{i}",
                link=f"https://example.social/@p/{i}", title=f"A post about clouds, number {i}",
                summary_html="<p>" + "Some sentences about the cloud and its keys. " * 8 + "</p>",
                published_at=now - timedelta(hours=i), categories=["cloud"],
            ))  # fmt: skip
    app.state.engine.dispose()


def nginx_conf(tmp: Path, body: dict[str, bytes], static_port: int, cache_port: int,
               gateway_port: int) -> Path:  # fmt: skip
    """One nginx: the static files on one port, the shipped micro-cache on another."""
    www = tmp / "www"
    (www / "public").mkdir(parents=True)
    (tmp / "cache").mkdir(mode=0o777)
    for path in (tmp, www, www / "public", tmp / "cache"):  # nginx's workers run as nobody
        path.chmod(0o777 if path.name == "cache" else 0o755)
    (www / "index.html").write_bytes(body["page"])
    (www / "public" / "index.json").write_bytes(body["json"])
    shipped = (ROOT / "deploy" / "nginx" / "planet-microcache.conf").read_text()
    cache = (
        shipped.replace("/var/cache/nginx/planet", str(tmp / "cache"))
        .replace("server 127.0.0.1:8000;", f"server {HOST}:{gateway_port};")
        .replace("listen 8080;", f"listen {HOST}:{cache_port};")
    )
    (tmp / "microcache.conf").write_text(cache)
    conf = tmp / "nginx.conf"
    conf.write_text(
        f"daemon off; worker_processes 1; pid {tmp}/nginx.pid; error_log {tmp}/nginx.err;\n"
        "events { worker_connections 1024; }\n"
        f"http {{ access_log off; default_type text/html;\n"
        f"  types {{ application/json json; text/html html; }}\n"
        f"  server {{ listen {HOST}:{static_port}; root {www}; index index.html index.json;\n"
        "    location = /public { try_files /public/index.json =404; } }\n"
        f"  include {tmp}/microcache.conf;\n}}\n"
    )
    return conf


@contextmanager
def processes(procs: list[subprocess.Popen[bytes]]) -> Iterator[None]:
    try:
        yield
    finally:
        stop(*procs)


def uvicorn(app: str, port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    args = ["-m", "uvicorn", "--factory", app, "--host", HOST, "--port", str(port),
            "--no-access-log", "--log-level", "warning"]  # fmt: skip
    return start(args, env, log)


def fetch(url: str, accept: str) -> bytes:
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=10) as resp:
        return bytes(resp.read())


def cache_status(url: str, accept: str) -> str:
    """The micro-cache's verdict on a second identical request (HIT when it stores the page)."""
    request = urllib.request.Request(url, headers={"Accept": accept})
    for _ in range(2):
        with urllib.request.urlopen(request, timeout=10) as resp:
            status, headers = resp.headers.get("x-cache"), resp.headers
    names = sorted(k.lower() for k in headers)
    return f"X-Cache={status} headers={','.join(names)}"


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="relais-planet-bench-"))
    database_url = f"sqlite:///{tmp / 'aggregator.db'}"
    seed(database_url)
    ports = {name: free_port() for name in ("aggregator", "gateway", "minimal", "static", "cache")}
    common = {
        "RELAIS_ENV": "test", "RELAIS_INTERNAL_SECRET": INTERNAL_SECRET,
        "RELAIS_SESSION_SECRET": SESSION_SECRET, "RELAIS_VAR_DIR": str(tmp),
        "RELAIS_RUN_WORKERS": "false", "RELAIS_LOG_LEVEL": "WARNING",
    }  # fmt: skip
    aggregator = uvicorn(
        "relais_aggregator.main:create_app", ports["aggregator"],
        {**common, "AGGREGATOR_DATABASE_URL": database_url}, tmp / "aggregator.log",
    )  # fmt: skip
    gateway = start(["-m", "relais_gateway"], {
        **common, "RELAIS_HOST": HOST, "RELAIS_PORT": str(ports["gateway"]),
        "RELAIS_AGGREGATOR_URL": f"http://{HOST}:{ports['aggregator']}",
    }, tmp / "gateway.log")  # fmt: skip
    procs = [aggregator, gateway]
    with processes(procs):
        direct = f"http://{HOST}:{ports['aggregator']}"
        wait_ready(f"{direct}/livez", aggregator, 120)
        wait_ready(f"http://{HOST}:{ports['gateway']}/livez", gateway, 120)
        body = {kind: fetch(direct + PATHS[kind], ACCEPT[kind][8:]) for kind in PATHS}
        (tmp / "page.html").write_bytes(body["page"])
        minimal = uvicorn("public_page_minimal:create_app", ports["minimal"],
                          {**common, "PLANET_BODY_FILE": str(tmp / "page.html")},
                          tmp / "minimal.log")  # fmt: skip
        conf = nginx_conf(tmp, body, ports["static"], ports["cache"], ports["gateway"])
        nginx = subprocess.Popen([shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(conf),
                                  "-p", str(tmp)])  # fmt: skip
        procs += [minimal, nginx]
        wait_ready(f"http://{HOST}:{ports['minimal']}/", minimal, 120)
        time.sleep(0.5)
        pids = {"minimal": minimal.pid, "aggregator": aggregator.pid, "gateway": gateway.pid}
        results = measure(ports, pids)
    shutil.rmtree(tmp, ignore_errors=True)
    report(results, len(body["page"]), len(body["json"]))


Result = tuple[float, float, int, dict[str, float]]  # rps, p99 ms, errors, CPU ms per request


def measured_load(url: str, header: str, pids: dict[str, int]) -> Result:
    before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    rps, p99, bad = load(url, header, SECONDS)
    requests = max(1.0, rps * SECONDS)
    cpu = {name: (cpu_seconds(pid) - before[name]) * 1000 / requests for name, pid in pids.items()}
    return rps, p99, bad, cpu


def measure(ports: dict[str, int], pids: dict[str, int]) -> dict[tuple[str, str], Result]:
    base = {name: f"http://{HOST}:{port}" for name, port in ports.items()}
    targets = {
        "nginx": base["static"], "minimal": base["minimal"], "aggregator": base["aggregator"],
        "gateway": base["gateway"], "microcache": base["cache"],
    }  # fmt: skip
    results = {}
    for kind in ("page", "json"):
        for name, url in targets.items():
            if name == "minimal" and kind == "json":
                continue  # the minimal app serves the page's bytes only
            path = (
                "/api/aggregator/public" if kind == "json" and name in VIA_GATEWAY else PATHS[kind]
            )
            target = url + ("/" if name == "minimal" else path)
            load(target, ACCEPT[kind], 1)  # warm-up
            if name == "microcache":
                print(f"{kind} micro-cache: {cache_status(target, ACCEPT[kind][8:])}")
            on_path = {"minimal": ["minimal"], "aggregator": ["aggregator"]}.get(
                name, ["gateway", "aggregator"] if name in VIA_GATEWAY else []
            )
            watched = {process: pids[process] for process in on_path}
            results[(name, kind)] = measured_load(target, ACCEPT[kind], watched)
    return results


def report(results: dict[tuple[str, str], Result], page_kb: int, json_kb: int) -> None:
    print(
        f"wrk -t1 -c16, {SECONDS} s each; page {page_kb / 1024:.1f} KB, JSON {json_kb / 1024:.1f} KB"
    )
    for (name, kind), (rps, p99, bad, cpu) in results.items():
        cpu_ms = " ".join(f"{process}_cpu_ms={ms:.3f}" for process, ms in cpu.items())
        print(f"{kind:4} {name:10} rps={rps:8.0f} p99_ms={p99:6.2f} errors={bad} {cpu_ms}")
    rps = {key: value[0] for key, value in results.items()}
    minimal = rps[("minimal", "page")]
    p99 = max(results[("aggregator", "page")][1], results[("gateway", "page")][1])
    print(f"json aggregator/nginx={rps[('aggregator', 'json')] / rps[('nginx', 'json')]:.3f} "
          f"gateway/nginx={rps[('gateway', 'json')] / rps[('nginx', 'json')]:.3f}")  # fmt: skip
    print(
        f"BENCH public_page ratio={rps[('aggregator', 'page')] / minimal:.3f} "
        f"gateway_ratio={rps[('gateway', 'page')] / minimal:.3f} p99_ms={p99:.2f} "
        f"nginx_rps={rps[('nginx', 'page')]:.0f} "
        f"aggregator_p99_ms={results[('aggregator', 'page')][1]:.2f} "
        f"gateway_p99_ms={results[('gateway', 'page')][1]:.2f} "
        f"gateway_cpu_ms={results[('gateway', 'page')][3]['gateway']:.3f} "
        f"gateway_json_cpu_ms={results[('gateway', 'json')][3]['gateway']:.3f}"
    )
    print(
        f"BENCH public_page_cached ratio={rps[('microcache', 'page')] / rps[('nginx', 'page')]:.3f}"
    )


if __name__ == "__main__":
    main()
