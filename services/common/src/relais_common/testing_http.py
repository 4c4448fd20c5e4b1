"""A real HTTP server on a loopback address for tests that fetch URLs (SSRF guard, feeds).

Start it with ``with local_site() as site:``, declare routes with ``site.add`` and
``site.redirect``, fetch ``site.url(path)``. Loopback aliases (127.0.0.2, …) work on Linux.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


class LocalSite:
    """A tiny web site on 127.0.0.1: ``site.add(path, ...)`` then fetch ``site.url(path)``."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Response] = {}
        self.requests: list[str] = []
        self.server = ThreadingHTTPServer((host, 0), self._handler())
        self.host = host
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def add(
        self, path: str, body: str | bytes = b"", *, status: int = 200, content_type: str = ""
    ) -> None:
        data = body.encode() if isinstance(body, str) else body
        headers = {"Content-Type": content_type or "text/html; charset=utf-8"}
        self.routes[path] = Response(status, data, headers)

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.routes[path] = Response(status, b"", {"Location": location})

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append(self.path)
                response = site.routes.get(self.path, Response(404, b"not found"))
                self.send_response(response.status)
                for name, value in response.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                # the client may stop reading (a size limit): expected in tests
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(response.body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler


@contextmanager
def local_site(host: str = "127.0.0.1") -> Iterator[LocalSite]:
    site = LocalSite(host)
    site.thread.start()
    try:
        yield site
    finally:
        site.server.shutdown()
        site.server.server_close()
