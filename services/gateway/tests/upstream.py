"""Real HTTP upstreams for the gateway tests: uvicorn in a thread, and a fake service app."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jwt
import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel
from relais_common.auth import IDENTITY_HEADER, decode_identity_token
from relais_common.errors import problem_response
from relais_common.migrations import upgrade
from relais_common.testing import TEST_SECRET

USERS = {
    "ada@example.com": ("correct horse battery", "u-ada", ["admin", "ambassador"]),
    "bob@example.com": ("bob's long password", "u-bob", ["ambassador"]),
}
LOCKED_EMAIL = "locked@example.com"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """Serve an ASGI app on a free 127.0.0.1 port for the duration of the block."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    with serve_config(config) as url:
        yield url


@contextmanager
def serve_config(config: uvicorn.Config) -> Iterator[str]:
    """Serve with this uvicorn configuration (host and port included) for the block."""
    port = config.port
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test upstream did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


class Me(BaseModel):
    user_id: str
    display_name: str


class Credentials(BaseModel):
    email: str
    password: str
    client_ip: str


def _identity(request: Request) -> dict[str, Any] | None:
    token = request.headers.get(IDENTITY_HEADER)
    if not token:
        return None
    identity = decode_identity_token(TEST_SECRET, token)
    claims = jwt.decode(token, options={"verify_signature": False})
    return {
        "user_id": identity.user_id,
        "roles": sorted(identity.roles),
        "ttl": claims["exp"] - claims["iat"],
    }


def fake_service(name: str) -> FastAPI:
    """Echoes what it receives; ambassadors-style auth check; records every hit."""
    app = FastAPI(title=f"fake {name}")
    app.state.hits = []
    app.state.erased = set()  # user ids whose /me answers 401, as after an erasure
    app.state.me_status = 200  # any other status: the service cannot say
    # The standing /internal/identities/{id} reports (erased ids answer 404).
    app.state.suspended = set()
    app.state.revoked_ms = {}  # user id -> sessions_revoked_at_ms
    app.state.roles = {}  # user id -> roles now (default: those of USERS)
    app.state.identity_status = 200  # any other status: the service cannot say
    app.state.identity_delay = 0.0

    @app.get("/me", response_model=Me, tags=["profiles"], operation_id="profiles-read_me")
    def read_me(request: Request) -> Any:
        caller = _identity(request)
        if caller is not None and caller["user_id"] in app.state.erased:
            return problem_response(401, "Your account no longer exists; please sign in again.")
        if app.state.me_status != 200:
            return problem_response(app.state.me_status, "unavailable")
        return Me(user_id=caller["user_id"] if caller else "u", display_name="U")

    app.state.livez_failures = 0  # the next probes answered 503
    app.state.livez_served = 0

    @app.get("/livez", tags=["health"], response_model=None)
    def livez() -> dict[str, str] | Response:
        failing = app.state.livez_failures > 0
        app.state.livez_failures -= 1 if failing else 0
        app.state.livez_served += 1  # counted once the answer is decided (tests wait on it)
        return problem_response(503, "not now") if failing else {"status": "ok"}

    @app.get("/readyz", tags=["health"])
    def readyz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/internal/auth/check", tags=["internal"])
    def check(body: Credentials, request: Request) -> Response:
        app.state.hits.append("/internal/auth/check")
        caller = _identity(request)
        if caller is None or caller["roles"] != ["service"]:
            return problem_response(401, "service identity required")
        if body.email == LOCKED_EMAIL:
            return problem_response(429, "locked", headers={"Retry-After": "30"})
        user = USERS.get(body.email)
        if user is None or user[0] != body.password:
            return problem_response(401, "bad credentials")
        return JSONResponse({"user_id": user[1], "roles": user[2]})

    @app.get("/internal/identities/{user_id}", tags=["internal"])
    async def identity_status(user_id: str, request: Request) -> Response:
        app.state.hits.append(f"/internal/identities/{user_id}")
        await asyncio.sleep(app.state.identity_delay)
        caller = _identity(request)
        if caller is None or caller["roles"] != ["service"]:
            return problem_response(401, "service identity required")
        if app.state.identity_status != 200:
            return problem_response(app.state.identity_status, "cannot say")
        if user_id in app.state.erased:
            return problem_response(404, "no such person")
        default = next((u[2] for u in USERS.values() if u[1] == user_id), ["ambassador"])
        return JSONResponse(
            {
                "user_id": user_id,
                "active": user_id not in app.state.suspended,
                "roles": app.state.roles.get(user_id, default),
                "sessions_revoked_at_ms": app.state.revoked_ms.get(user_id),
            }
        )

    @app.get("/moved")
    def moved(request: Request, to: str = "own") -> Response:
        """Redirects as a service does: to its own (internal) origin, or to a bare path."""
        own = str(request.url.replace(path="/me", query=""))
        location = {"own": own, "bare": "/me?x=1", "away": "https://example.org/x"}[to]
        return Response(status_code=307, headers={"Location": location})

    @app.get("/slow")
    async def slow() -> dict[str, str]:
        await asyncio.sleep(3)
        return {"status": "late"}

    @app.get("/stream")
    def stream() -> StreamingResponse:
        chunks = (b"x" * 100_000 for _ in range(30))  # 3 MB, no Content-Length: streamed
        return StreamingResponse(chunks, media_type="application/octet-stream")

    app.state.cached_served = 0

    @app.get("/cached", include_in_schema=False)
    @app.get("/feeds/cached", include_in_schema=False)
    def cached(
        request: Request,
        cc: str = "public, max-age=25, s-maxage=10",
        vary: str = "Accept-Encoding, Accept-Language",
        cookie: bool = False,
        status: int = 200,
        etag: str | None = None,
    ) -> Response:
        """A public answer as the Planet's: Cache-Control and Vary as asked, counted."""
        app.state.hits.append(request.url.path)
        app.state.cached_served += 1
        payload = {
            "served": app.state.cached_served,
            "path": request.url.path,
            "query": request.url.query,
            "host": request.headers.get("x-forwarded-host"),
            "accept": request.headers.get("accept"),
            "encoding": request.headers.get("accept-encoding"),
            "language": request.headers.get("accept-language"),
            "identity": _identity(request),
        }
        tag = f'"{etag}"' if etag else f'"v{app.state.cached_served}"'
        payload["if_none_match"] = request.headers.get("if-none-match")
        headers = {"ETag": tag, "Cache-Control": cc, "Vary": vary}
        response = JSONResponse(payload, status_code=status, headers=headers)
        if cookie:
            response.set_cookie("upstream_session", "1")
        return response

    @app.api_route(
        "/{path:path}",
        methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
        include_in_schema=False,
    )
    async def echo(path: str, request: Request) -> Response:
        app.state.hits.append(request.url.path)
        body = await request.body()
        payload = {
            "service": name,
            "method": request.method,
            "path": request.url.path,
            "raw_path": request.scope["raw_path"].decode(),
            "query": request.url.query,
            "headers": dict(request.headers),
            "body": body.decode(errors="replace"),
            "identity": _identity(request),
        }
        status = int(request.query_params.get("status", "200"))
        response = JSONResponse(payload, status_code=status, headers={"X-Upstream": name})
        response.set_cookie("upstream_a", "1")
        response.set_cookie("upstream_b", "2")
        return response

    return app


def migrated_sqlite(service: str, tmp_path: Path) -> str:
    """A SQLite URL for a real service's database, built by its migrations (as the stack does)."""
    url = f"sqlite:///{tmp_path / f'{service}.db'}"
    upgrade(Path(__file__).resolve().parents[2] / service, url)
    return url
