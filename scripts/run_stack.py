"""Start the whole Relais stack on one machine: migrate, bootstrap, demo data, services, gateway.

Used by `make run` (and by the browser journeys with a throwaway RELAIS_VAR_DIR). Every child
gets the same environment; the script stops them all when one dies or on Ctrl-C.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from relais_common.settings import is_placeholder_secret

ROOT = Path(__file__).resolve().parents[1]
SERVICES = {"ambassadors": 101, "editorial": 102, "aggregator": 103}


def log(msg: str) -> None:
    print(f"[relais] {msg}", flush=True)


def ensure_secrets(env: dict[str, str], var_dir: Path) -> None:
    """Development secrets: random, kept in var/secrets.env (mode 600), never in the repo."""
    path = var_dir / "secrets.env"
    stored: dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            key, _, value = line.partition("=")
            stored[key] = value
    changed = False
    for key in ("RELAIS_INTERNAL_SECRET", "RELAIS_SESSION_SECRET"):
        if env.get(key) and not is_placeholder_secret(env[key]):
            continue
        if env.get(key):
            log(f"{key} is a placeholder: using a random development secret instead")
        if key not in stored:
            stored[key] = secrets.token_urlsafe(32)
            changed = True
        env[key] = stored[key]
    if changed:
        path.write_text("".join(f"{k}={v}\n" for k, v in stored.items()))
        path.chmod(0o600)


def local_host(host: str) -> str:
    """The address to print and probe: a wildcard bind is reached on loopback."""
    return "127.0.0.1" if host in ("0.0.0.0", "::") else host  # noqa: S104


def build_env() -> dict[str, str]:
    env = dict(os.environ)
    var_dir = Path(env.setdefault("RELAIS_VAR_DIR", str(ROOT / "var"))).resolve()
    var_dir.mkdir(parents=True, exist_ok=True)
    env["RELAIS_VAR_DIR"] = str(var_dir)
    port = int(env.setdefault("RELAIS_PORT", "8000"))
    host = env.setdefault("RELAIS_HOST", "127.0.0.1")
    env.setdefault("RELAIS_PUBLIC_URL", f"http://{local_host(host)}:{port}")
    for name, offset in SERVICES.items():
        env.setdefault(f"RELAIS_{name.upper()}_URL", f"http://127.0.0.1:{port + offset}")
    env.setdefault("RELAIS_SPA_DIR", str(ROOT / "frontend" / "dist"))
    ensure_secrets(env, var_dir)
    return env


def run_step(args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run([sys.executable, *args], env=env, cwd=ROOT, check=False)  # noqa: S603
    if result.returncode != 0:
        log(f"step failed: {' '.join(args)}")
        sys.exit(result.returncode)


def prepare(env: dict[str, str]) -> None:
    log("migrating databases")
    for name in ("editorial", "aggregator"):
        run_step(["-m", "relais_common.migrations_cli", name], env)
    run_step(["-m", "relais_ambassadors.bootstrap"], env)
    if env.get("RELAIS_DEMO", "1") != "0":
        log("loading the demo company (set RELAIS_DEMO=0 to skip)")
        run_step(["-m", "relais_ambassadors.demo"], env)


def port_of(url: str) -> str:
    return url.rsplit(":", 1)[-1].strip("/")


def start(env: dict[str, str]) -> list[subprocess.Popen[bytes]]:
    procs = []
    for name in SERVICES:
        port = port_of(env[f"RELAIS_{name.upper()}_URL"])
        args = ["-m", "uvicorn", f"relais_{name}.main:create_app", "--factory"]
        args += ["--host", "127.0.0.1", "--port", port, "--no-access-log", "--log-level", "warning"]
        procs.append(subprocess.Popen([sys.executable, *args], env=env, cwd=ROOT))  # noqa: S603
    procs.append(subprocess.Popen([sys.executable, "-m", "relais_gateway"], env=env, cwd=ROOT))
    return procs


def wait_ready(url: str, procs: list[subprocess.Popen[bytes]], limit: float = 90) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in procs):
            raise SystemExit("a Relais process exited during start-up; see the messages above")
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=2) as resp:  # noqa: S310
                if resp.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    raise SystemExit(f"{url}/readyz did not answer within {limit:.0f} s")


def admin_credentials(env: dict[str, str]) -> str:
    email = env.get("RELAIS_ADMIN_EMAIL") or "admin@relais.localhost"
    if env.get("RELAIS_ADMIN_PASSWORD"):
        return f"{email} / (the password in RELAIS_ADMIN_PASSWORD)"
    admin_file = Path(env["RELAIS_VAR_DIR"]) / "admin-password.txt"
    password = (
        admin_file.read_text().strip()
        if admin_file.exists()
        else "(see the bootstrap output above)"
    )
    return f"{email} / {password}"


def stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for p in procs:
        if p.poll() is None:
            p.terminate()
    for p in procs:
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()


def main() -> None:
    env = build_env()
    prepare(env)
    procs = start(env)
    signal.signal(signal.SIGTERM, lambda *_: (stop(procs), sys.exit(0)))
    url = f"http://{local_host(env['RELAIS_HOST'])}:{env['RELAIS_PORT']}"
    try:
        wait_ready(url, procs)
        log("ready.")
        log(f"Public page:  {url}/")
        log(f"Relais app:   {url}/app/   <- open this one")
        log(f"API docs:     {url}/api/docs")
        log(f"Admin sign-in: {admin_credentials(env)}")
        log("Ctrl-C stops everything.")
        while all(p.poll() is None for p in procs):
            time.sleep(1)
        log("a process exited; stopping the stack")
    except KeyboardInterrupt:
        pass
    finally:
        stop(procs)


if __name__ == "__main__":
    main()
