"""The public HTML pages: home (the river), themes, networks, people. All public (no login).

The fast path (pages.fastpath) answers these before FastAPI; these routes document them and
answer what it leaves (other query parameters, errors, a cold start) from the same bytes.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import Path, Query, Request, Response
from fastapi.responses import HTMLResponse
from relais_common.problems import problem_responses
from relais_common.routing import public_router

from relais_aggregator.pages.cache import PublicPages
from relais_aggregator.pages.http import serve
from relais_aggregator.pages.i18n import Lang, negotiate
from relais_aggregator.pages.people import filter_query
from relais_aggregator.pages.render import NO_MATCH, Rendered

router = public_router("public", responses={})

LangQuery = Annotated[
    Lang | None,
    Query(description="Page language; without it, Accept-Language decides (English by default)."),
]
Slug = Annotated[str, Path(min_length=1, max_length=120, description="The slug")]
PageNumber = Annotated[int, Query(ge=1, le=1000, description="River page, 1 = newest")]
Filter = Annotated[str | None, Query(max_length=120)]
HTML_404: dict[int | str, dict[str, Any]] = {
    404: {"description": "Nothing here (an HTML page)", "content": {"text/html": {}}},
    **problem_responses(422),
}

# After a restart the read model may lag behind what happened meanwhile (a withdrawn consent):
# the first pages wait for the consumer's first pass, at most this long, before rendering.
CATCH_UP_SECONDS = 5.0


async def rendered(request: Request) -> Rendered:
    pages: PublicPages = request.app.state.pages
    current = pages.peek()
    if current is None:  # first request after start-up: render once, off the event loop
        await asyncio.to_thread(pages.wait_for_catch_up, CATCH_UP_SECONDS)
        current = await asyncio.to_thread(pages.current)
    return current


async def html(request: Request, key: str, lang: str | None, *, network: bool = False) -> Response:
    chosen = negotiate(lang, request.headers.get("accept-language"))
    current = await rendered(request)
    found = current.find(key, chosen)
    if found is None:
        missing = current.network_empty if network else current.not_found
        return serve(request, missing[chosen], status_code=404)
    return serve(request, found)


@router.get("/", response_class=HTMLResponse, name="home", responses=HTML_404)
async def home(request: Request, lang: LangQuery = None, page: PageNumber = 1) -> Response:
    """The company's Planet: themes and the river of the latest consented posts."""
    return await html(request, "/" if page == 1 else f"/?page={page}", lang)


@router.get("/themes/{slug}", response_class=HTMLResponse, name="theme", responses=HTML_404)
async def theme(request: Request, slug: Slug, lang: LangQuery = None) -> Response:
    """One theme: its people and their latest posts, with its feeds, OPML and follow list."""
    return await html(request, f"/themes/{slug}", lang)


@router.get("/networks/{slug}", response_class=HTMLResponse, name="network", responses=HTML_404)
async def network(request: Request, slug: Slug, lang: LangQuery = None) -> Response:
    """One network's page (none is published yet: an empty state)."""
    return await html(request, f"/networks/{slug}", lang, network=True)


@router.get("/people/", response_class=HTMLResponse, name="people", responses=HTML_404)
async def people(
    request: Request, lang: LangQuery = None, theme: Filter = None, platform: Filter = None
) -> Response:
    """Everyone listed, once each, filtered by theme and platform (plain query parameters)."""
    query = filter_query(theme, platform)
    key = "/people/" + (f"?{query}" if query else "")
    if (await rendered(request)).find(key, "en") is None:  # a filter nobody matches
        key = NO_MATCH
    return await html(request, key, lang)


@router.get("/people/{slug}", response_class=HTMLResponse, name="person", responses=HTML_404)
async def person(request: Request, slug: Slug, lang: LangQuery = None) -> Response:
    """One person: their accounts (rel="me") and latest posts."""
    return await html(request, f"/people/{slug}", lang)
