"""Bounds on JSON request bodies, checked before pydantic (or any handler) sees them.

Validating a body costs time in proportion to its keys: a 2.2 MB object of 200,000 unknown
keys held the event loop for over a second (long enough for the gateway's health probe to
mark the service down) and its 422 listed every key (4.5 MB). The guard reads the body once,
parses it with the C decoder and walks it without recursion; a body over the limits is
refused at once with one short problem. Everything else is replayed untouched to the app.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from relais_common.errors import problem_response


@dataclass(frozen=True)
class BodyLimits:
    """No request model of Relais comes near these; a client that does is broken or hostile."""

    max_bytes: int = 5 * 1024 * 1024  # the gateway's own limit
    max_keys_per_object: int = 200
    max_values: int = 20_000  # every object member and array item, at every level
    max_depth: int = 32


class BodyTooLarge(Exception):
    pass


def _is_json(scope: Scope) -> bool:
    """The bodies FastAPI would parse as JSON: no Content-Type, application/json or */*+json."""
    for name, value in scope.get("headers", ()):
        if name == b"content-type":
            kind = value.split(b";", 1)[0].strip().lower()
            return bool(kind == b"application/json") or (
                kind.startswith(b"application/") and kind.endswith(b"+json")
            )
    return True


def refusal(data: Any, limits: BodyLimits) -> str | None:
    """Why ``data`` (a parsed JSON body) is refused, or None. Iterative: no recursion limit."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    values = 0
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
            if len(value) > limits.max_keys_per_object:
                return f"An object in the body has more than {limits.max_keys_per_object} keys."
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limits.max_depth:
            return f"The body is nested more than {limits.max_depth} levels deep."
        values += len(children)
        if values > limits.max_values:
            return f"The body holds more than {limits.max_values} values."
        stack.extend((child, depth + 1) for child in children)
    return None


def check_body(body: bytes, limits: BodyLimits) -> str | None:
    """Why this JSON body is refused, or None (also None for invalid JSON: FastAPI says why)."""
    try:
        data = json.loads(body)
    except RecursionError:
        return f"The body is nested more than {limits.max_depth} levels deep."
    except ValueError:
        return None
    return refusal(data, limits)


async def read_body(receive: Receive, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break  # disconnected: the app will see an empty body and the same disconnect
        chunk: bytes = message.get("body", b"")
        size += len(chunk)
        if size > max_bytes:
            raise BodyTooLarge
        chunks.append(chunk)
        more = bool(message.get("more_body", False))
    return b"".join(chunks)


class JSONBodyGuard:
    """ASGI middleware: refuses JSON bodies over :class:`BodyLimits` with problem+json."""

    def __init__(self, app: ASGIApp, limits: BodyLimits | None = None) -> None:
        self.app = app
        self.limits = limits or BodyLimits()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD") or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        try:
            body = await read_body(receive, self.limits.max_bytes)
        except BodyTooLarge:
            mb = self.limits.max_bytes / 1_048_576
            await self._refuse(scope, receive, send, 413, f"The body is larger than {mb:.3g} MB.")
            return
        reason = check_body(body, self.limits) if body else None
        if reason is not None:
            await self._refuse(scope, receive, send, 422, reason)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(
        self, scope: Scope, receive: Receive, send: Send, status: int, detail: str
    ) -> None:
        code = "payload-too-large" if status == 413 else "invalid-input"
        errors = [{"field": "body", "message": detail}]
        response = problem_response(
            status, detail, code=code, instance=scope.get("path"), errors=errors
        )
        await response(scope, receive, send)
