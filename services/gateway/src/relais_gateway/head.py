"""HEAD answered wherever GET is: the same status and headers, no body.

FastAPI routes declared with GET answer HEAD with 405 (`HEAD /` did, through the gateway), and
crawlers, uptime checks and link previews send HEAD. Done once here for everything behind the
gateway: the request goes on as a GET and the body of the answer is dropped.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGetMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        finished = False

        async def headers_only(message: Message) -> None:
            nonlocal finished
            if message["type"] != "http.response.body":
                await send(message)
            elif not finished and not message.get("more_body", False):
                finished = True
                await send({"type": "http.response.body", "body": b""})

        await self.app({**scope, "method": "GET"}, receive, headers_only)
