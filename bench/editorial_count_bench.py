"""Counting API through the gateway: POST /api/editorial/text-length with 16 connections.

Bootstraps the ambassadors service (its first admin, SQLite in a temp dir), starts it, the
editorial service and the gateway (one worker each, free 127.0.0.1 ports; the gateway checks
the signed-in admin's standing with ambassadors), signs in through the gateway, then drives
``POST /api/editorial/text-length`` with ``wrk -t1 -c16`` and a Lua script that cycles through
four realistic variants (X, Mastodon, LinkedIn, Bluesky: URLs, mentions, emoji, accents), each
request a new text (a number at the end: the server's cache of counts stays cold). The
Mastodon body names no instance: this measures counting, not a remote fetch. Prints, last:

    BENCH editorial_count count_rps=<> count_p99_ms=<> errors=<> floor_rps=<> rss_mb=<>

floor_rps is the same route counting one letter for LinkedIn: the stack's own ceiling, so a
busy machine still shows what counting costs (count_rps / floor_rps). Target: count_rps >=
2,000 (issue 8). Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from gateway_bench import CONNECTIONS, _ms, rss_mb
from stack import editorial_stack

DISCLOSURE = "#JeTravailleChezAcme"
BODIES = [
    {
        "platform": "x",
        "text": "Notre suite de sécurité cloud est disponible 🚀 Tout savoir sur le lancement : "
        f"https://acme.fr/fr/lancement?utm_source=x #cloud {DISCLOSURE} vNNNN",
    },
    {
        "platform": "mastodon",
        "text": "Our cloud security suite is out today 🎉 Thanks @alice@mastodon.social and "
        f"@bob for the reviews. Read https://acme.fr/en/launch {DISCLOSURE} vNNNN",
    },
    {
        "platform": "linkedin",
        "text": "Après deux ans de travail, l'équipe lance aujourd'hui sa suite de sécurité "
        "pour le cloud. 👩🏽‍💻 Chiffrement de bout en bout, audit continu, et une console "
        f"pensée pour les équipes. https://acme.fr/fr/lancement {DISCLOSURE} vNNNN",
    },
    {
        "platform": "bluesky",
        "text": f"Launch day 🇫🇷🇬🇧 acme.fr/launch — come see us at booth 12! {DISCLOSURE} vNNNN",
    },
]


FLOOR = [{"platform": "linkedin", "text": "a"}]  # the same stack and hop, next to no counting


def lua_script(path: Path, bodies_: list[dict[str, str]]) -> None:
    bodies = ", ".join(f"[==[{json.dumps(b, ensure_ascii=False)}]==]" for b in bodies_)
    path.write_text(
        f"""
local bodies = {{ {bodies} }}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  i = i % #bodies + 1
  n = n + 1
  -- a new text every time: the server's cache of counts must not hide the counting
  return wrk.format(nil, nil, nil, string.gsub(bodies[i], "NNNN", tostring(n)))
end
""",
        encoding="utf-8",
    )


WRK = ["wrk", "-t1", "--latency"]


def run_wrk(url: str, header: str, script: Path, seconds: int) -> tuple[float, float, int]:
    out = subprocess.run(
        [*WRK, f"-c{CONNECTIONS}", f"-d{seconds}s", "-s", str(script), "-H", header, url],
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


def check(url: str, bearer: str) -> None:
    """One request of each body first: the load must measure answers, not refusals."""
    for body in BODIES:
        request = urllib.request.Request(
            url,
            data=json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {bearer}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as resp:
                print(f"{body['platform']:9} {resp.status} {resp.read().decode()}")
        except urllib.error.HTTPError as exc:
            raise SystemExit(f"{body['platform']}: {exc.code} {exc.read().decode()[:300]}") from exc


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed (make bench-tools installs it)")
    scripts = Path(tempfile.mkdtemp(prefix="relais-count-lua-"))
    script, floor = scripts / "text_length.lua", scripts / "floor.lua"
    lua_script(script, BODIES)
    lua_script(floor, FLOOR)
    with editorial_stack("relais-count-bench-") as stack:
        url = f"{stack.gateway_url}/api/editorial/text-length"
        header = f"Authorization: Bearer {stack.bearer}"
        check(url, stack.bearer)
        run_wrk(url, header, script, 2)  # warm-up
        rps, p99, bad = run_wrk(url, header, script, options.seconds)
        floor_rps, floor_p99, floor_bad = run_wrk(url, header, floor, options.seconds)
        rss = max(rss_mb(stack.pids["service"]), rss_mb(stack.pids["gateway"]))
    shutil.rmtree(scripts, ignore_errors=True)
    print(f"load: wrk -t1 -c{CONNECTIONS}, {options.seconds} s, POST /api/editorial/text-length")
    print(f"platforms cycled: {', '.join(b['platform'] for b in BODIES)}")
    print(f"floor (linkedin, 'a'): rps={floor_rps:.0f} p99_ms={floor_p99:.2f} errors={floor_bad}")
    print(
        f"BENCH editorial_count count_rps={rps:.0f} count_p99_ms={p99:.2f} errors={bad} "
        f"floor_rps={floor_rps:.0f} rss_mb={rss:.1f}"
    )


if __name__ == "__main__":
    sys.exit(main())
