"""The raw ASGI fast path: a GET of a pre-rendered output is answered before FastAPI.

No routing, no dependency injection, no middleware: one dict lookup by the canonical key, the
gzip and ETag choice, headers precomputed at render time. Anything it does not find exactly
(another query parameter, a bad `lang`, a 404, a cold start) goes on to the FastAPI routes,
which answer the same bytes (or the error) the documented way.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Receive, Scope, Send

from relais_aggregator.pages.cache import PublicPages
from relais_aggregator.pages.http import choose
from relais_aggregator.pages.i18n import LANGS, Lang, negotiate
from relais_aggregator.pages.render import Rendered
from relais_aggregator.pages.variant import Headers, Variant


def canonical(query: str) -> tuple[str, str | None] | None:
    """(sorted query without lang, lang) — None when a parameter repeats."""
    pairs = parse_qsl(query, keep_blank_values=False)
    names = [name for name, _ in pairs]
    if len(set(names)) != len(names):
        return None
    lang = next((value for name, value in pairs if name == "lang"), None)
    rest = sorted((name, value) for name, value in pairs if name != "lang")
    return urlencode(rest), lang


def lookup(
    rendered: Rendered, path: str, query: str, accept_language: str | None
) -> Variant | None:
    parsed = canonical(query) if query else ("", None)
    if parsed is None:
        return None
    rest, lang = parsed
    if lang is not None and lang not in LANGS:
        return None
    chosen: Lang = negotiate(lang, accept_language)
    return rendered.find(f"{path}?{rest}" if rest else path, chosen)


class PlanetFastPath:
    def __init__(self, app: ASGIApp, pages: PublicPages) -> None:
        self.app = app
        self.pages = pages

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        rendered = self.pages.peek()
        if rendered is None or scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        accept_encoding, accept_language, if_none_match, rid = "", None, None, b""
        for name, value in scope["headers"]:
            if name == b"accept-encoding":
                accept_encoding = value.decode("latin-1")
            elif name == b"accept-language":
                accept_language = value.decode("latin-1")
            elif name == b"if-none-match":
                if_none_match = value.decode("latin-1")
            elif name == b"x-request-id":
                rid = value[:128]
        query = scope["query_string"].decode("latin-1")
        hit = lookup(rendered, scope["path"], query, accept_language)
        if hit is None:
            await self.app(scope, receive, send)
            return
        status, headers, body = choose(hit, accept_encoding, if_none_match)
        out: Headers = [*headers, (b"x-request-id", rid)] if rid else headers
        await send({"type": "http.response.start", "status": status, "headers": out})
        await send(
            {"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body}
        )
