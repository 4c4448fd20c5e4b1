"""Bounds at the edge: a request's headers, then its body, must arrive within a deadline.

Without it, a client that sends headers and a Content-Length but never the body holds its
connection (and a task) forever: 2,000 such requests were all still open after 22 s. With it,
the gateway answers 408 problem+json with `Connection: close` once the deadline passes (the
connection is then closed) and the application below sees the client as gone. The number of
open connections is bounded by the server (`limit_concurrency`, see `__main__.server_config`);
so that idle or half-sent connections cannot fill that bound, a connection whose request
headers are not complete within the deadline is closed (uvicorn itself would wait forever).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from relais_common.errors import PROBLEM_JSON, problem_body, problem_response
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def may_have_body(scope: Scope) -> bool:
    """A body follows the headers only after a Content-Length above 0 or a Transfer-Encoding
    (RFC 9112 6.3): without either there is nothing a client could be slow to send."""
    for name, value in scope["headers"]:
        if name == b"transfer-encoding" or (name == b"content-length" and value.strip() != b"0"):
            return True
    return False


class BodyDeadlineMiddleware:
    """The whole body within `seconds` of the request's start, or 408 and the connection closed.

    Requests without a body (most GETs: pages, /me, the directory) skip the timer it costs."""

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not may_have_body(scope):
            await self.app(scope, receive, send)
            return
        deadline = asyncio.get_running_loop().time() + self.seconds
        started = timed_out = body_done = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if timed_out:
                return  # the 408 was the answer; the application's late one is dropped
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        async def timed_receive() -> Message:
            nonlocal timed_out, body_done
            if timed_out:
                return {"type": "http.disconnect"}
            if body_done:  # e.g. a streaming response listening for the disconnect
                return await receive()
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError:
                if not started:
                    await self._answer_408(scope, receive, send)
                timed_out = True
                return {"type": "http.disconnect"}
            body_done = message["type"] != "http.request" or not message.get("more_body", False)
            return message

        await self.app(scope, timed_receive, guarded_send)

    async def _answer_408(self, scope: Scope, receive: Receive, send: Send) -> None:
        detail = f"The request body did not arrive within {self.seconds:g} seconds."
        response = problem_response(
            408, detail, instance=scope["path"], headers={"Connection": "close"}
        )
        await response(scope, receive, send)


def header_deadline_protocol(seconds: float) -> type[asyncio.Protocol] | None:
    """uvicorn's httptools protocol, closing connections whose headers are late (None without
    httptools: uvicorn's default then)."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:  # pragma: no cover - httptools is part of the locked dependencies
        return None

    class HeaderDeadlineProtocol(HttpToolsProtocol):
        header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._arm()  # from the first byte on: a silent connection is closed too

        def on_message_begin(self) -> None:
            super().on_message_begin()
            if self.header_timer is None:  # the next request on a kept-alive connection
                self._arm()

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            self.header_timer = self.loop.call_later(seconds, self._headers_late)

        def _disarm(self) -> None:
            if self.header_timer is not None:
                self.header_timer.cancel()
                self.header_timer = None

        def _headers_late(self) -> None:
            self.header_timer = None
            if not self.transport.is_closing():
                self.transport.close()

        def send_400_response(self, msg: str) -> None:
            """A request the parser refuses (a control character in a header, say) gets
            problem+json like every other answer, not uvicorn's text/plain."""
            detail = f"{msg.rstrip('.')}: the request line or a header is malformed."
            body = json.dumps(problem_body(400, detail), separators=(",", ":")).encode("ascii")
            head = [b"HTTP/1.1 400 Bad Request\r\n"]
            head += [
                name + b": " + value + b"\r\n" for name, value in self.server_state.default_headers
            ]
            head += [
                b"content-type: " + PROBLEM_JSON.encode() + b"\r\n",
                b"content-length: " + str(len(body)).encode("ascii") + b"\r\n",
                b"connection: close\r\n\r\n",
            ]
            self.transport.write(b"".join(head) + body)
            self.transport.close()

    return HeaderDeadlineProtocol
