"""Start the whole Relais stack on one machine: migrate, bootstrap, demo data, services, gateway.

Used by `make run` (and by the browser journeys with a throwaway RELAIS_VAR_DIR). Every child
gets the same environment. Ambassadors starts first (the others follow its events), so nobody
warns about a provider that is merely starting. Once the stack is ready, a process that dies
is restarted with backoff while the others keep serving; Ctrl-C (or SIGTERM) stops them all.
Each child's pid is kept in $RELAIS_VAR_DIR/run/<name>.pid.

At a terminal, logs are text and the gateway's access log is off (RELAIS_LOG_JSON and
GATEWAY_ACCESS_LOG override both), so the banner stays readable.
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
FIRST_BACKOFF, MAX_BACKOFF = 1.0, 30.0  # seconds before a restart, doubled while it keeps dying
STABLE_SECONDS = 60.0  # a process up this long is healthy again: its backoff starts over


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
    # glibc per-thread malloc arenas: ~3 MB more per worker, for ~3 % of CPU (bench/README.md)
    env.setdefault("MALLOC_ARENA_MAX", "2")
    if sys.stdout.isatty():  # a person reads this terminal: text logs, no line per request
        env.setdefault("RELAIS_LOG_JSON", "false")
        env.setdefault("GATEWAY_ACCESS_LOG", "false")
    ensure_secrets(env, var_dir)
    return env


def run_step(args: list[str], env: dict[str, str], *, quiet: bool = False) -> str:
    """Run a preparation step; `quiet` keeps its output unless it fails (the banner says it).
    Returns what a quiet step printed."""
    result = subprocess.run(  # noqa: S603 - our interpreter, fixed arguments
        [sys.executable, *args], env=env, cwd=ROOT, check=False, capture_output=quiet
    )
    if result.returncode != 0:
        if quiet:
            sys.stdout.buffer.write(result.stdout + result.stderr)
        log(f"step failed: {' '.join(args)}")
        sys.exit(result.returncode)
    return result.stdout.decode(errors="replace") if quiet else ""


def prepare(env: dict[str, str]) -> None:
    log("migrating databases")
    for name in ("editorial", "aggregator"):
        run_step(["-m", "relais_common.migrations_cli", name], env)
    run_step(["-m", "relais_ambassadors.bootstrap"], env, quiet=True)  # the banner has it
    if env.get("RELAIS_DEMO", "1") != "0":
        log("loading the demo company (set RELAIS_DEMO=0 to skip)")
        printed = run_step(["-m", "relais_ambassadors.demo"], env, quiet=True)
        for line in printed.splitlines():
            if not line.startswith("Admin:"):  # the banner gives the credentials, once
                log(line)


def port_of(url: str) -> str:
    return url.rsplit(":", 1)[-1].strip("/")


class Child:
    """One process of the stack, restarted with backoff when it dies."""

    def __init__(self, name: str, args: list[str], env: dict[str, str]) -> None:
        self.name, self.args, self.env = name, args, env
        self.pid_file = Path(env["RELAIS_VAR_DIR"]) / "run" / f"{name}.pid"
        self.proc: subprocess.Popen[bytes] | None = None
        self.started_at = 0.0
        self.backoff = FIRST_BACKOFF
        self.restart_at: float | None = None

    def start(self) -> None:
        command = [sys.executable, *self.args]
        self.proc = subprocess.Popen(command, env=self.env, cwd=ROOT)  # noqa: S603
        self.started_at = time.monotonic()
        self.pid_file.parent.mkdir(parents=True, exist_ok=True)
        self.pid_file.write_text(f"{self.proc.pid}\n")

    def exited(self) -> int | None:
        return None if self.proc is None else self.proc.poll()

    def tend(self, now: float) -> None:
        """Called every tick: schedule a restart of a dead process, or do it when it is time."""
        code = self.exited()
        if code is None:
            if now - self.started_at > STABLE_SECONDS:
                self.backoff = FIRST_BACKOFF
            return
        if self.restart_at is None:
            how = f"signal {-code}" if code < 0 else f"code {code}"
            log(f"{self.name} exited ({how}); restarting in {self.backoff:g} s, the rest serves on")
            self.restart_at = now + self.backoff
            self.backoff = min(self.backoff * 2, MAX_BACKOFF)
        elif now >= self.restart_at:
            self.restart_at = None
            self.start()
            log(f"{self.name} restarted")


def service_args(name: str, env: dict[str, str]) -> list[str]:
    port = port_of(env[f"RELAIS_{name.upper()}_URL"])
    app = f"relais_{name}.main:create_app"
    quiet = ["--no-access-log", "--log-level", "warning"]
    return ["-m", "uvicorn", app, "--factory", "--host", "127.0.0.1", "--port", port, *quiet]


def start(env: dict[str, str], children: list[Child]) -> None:
    """Ambassadors first (editorial and the aggregator poll its events), then the rest.

    `children` fills as they start, so a stop meanwhile (SIGTERM, Ctrl-C) reaches each one.
    """
    names = [*SERVICES, "gateway"]
    for name in names:
        args = ["-m", "relais_gateway"] if name == "gateway" else service_args(name, env)
        children.append(Child(name, args, env))
        children[-1].start()
        if name == "ambassadors":
            wait_ready(env["RELAIS_AMBASSADORS_URL"].rstrip("/"), children, path="/livez")


def wait_ready(url: str, children: list[Child], limit: float = 90, path: str = "/readyz") -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if any(c.exited() is not None for c in children):
            raise SystemExit("a Relais process exited during start-up; see the messages above")
        try:
            with urllib.request.urlopen(f"{url}{path}", timeout=2) as resp:  # noqa: S310
                if resp.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    raise SystemExit(f"{url}{path} did not answer within {limit:.0f} s")


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


def stop(children: list[Child]) -> None:
    procs = [c.proc for c in children if c.proc is not None]
    for p in procs:
        if p.poll() is None:
            p.terminate()
    for p in procs:
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()


def banner(url: str, env: dict[str, str]) -> None:
    log("ready.")
    log(f"Public page:  {url}/")
    log(f"Relais app:   {url}/app/   <- open this one")
    log(f"API docs:     {url}/api/docs")
    log(f"Admin sign-in: {admin_credentials(env)}")
    if env.get("GATEWAY_ACCESS_LOG", "").lower() in ("false", "0"):
        log("Access log off at a terminal (GATEWAY_ACCESS_LOG=true shows one line per request).")
    log("A process that dies is restarted. Ctrl-C stops everything.")


def main() -> None:
    env = build_env()
    prepare(env)
    children: list[Child] = []

    def on_sigterm(*_: object) -> None:
        stop(children)
        sys.exit(0)

    signal.signal(signal.SIGTERM, on_sigterm)
    url = f"http://{local_host(env['RELAIS_HOST'])}:{env['RELAIS_PORT']}"
    try:
        start(env, children)
        wait_ready(url, children)
        banner(url, env)
        while True:
            now = time.monotonic()
            for child in children:
                child.tend(now)
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        stop(children)


if __name__ == "__main__":
    main()
