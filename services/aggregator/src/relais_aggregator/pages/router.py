"""The public outputs: the HTML page, one page per theme, and the same data as JSON.

All routes here are public (no login). Handlers only pick pre-rendered bytes.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import Path, Query, Request, Response
from fastapi.responses import HTMLResponse
from relais_common.errors import NotFound
from relais_common.problems import problem_responses
from relais_common.routing import public_router

from relais_aggregator.pages.cache import PublicPages, Rendered
from relais_aggregator.pages.http import serve
from relais_aggregator.pages.i18n import Lang, negotiate
from relais_aggregator.readmodel.schemas import PublicDirectory, PublicThemeSection

router = public_router("public", responses={})

LangQuery = Annotated[
    Lang | None,
    Query(description="Page language; without it, Accept-Language decides (English by default)."),
]
Slug = Annotated[str, Path(min_length=1, max_length=120, description="The theme's slug")]
HTML_404: dict[int | str, dict[str, Any]] = {
    404: {"description": "No such theme (an HTML page)", "content": {"text/html": {}}}
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


@router.get("/", response_class=HTMLResponse, name="home", responses=problem_responses(422))
async def home(request: Request, lang: LangQuery = None) -> Response:
    """Who speaks for the company: everyone listed, grouped by theme."""
    chosen = negotiate(lang, request.headers.get("accept-language"))
    return serve(request, (await rendered(request)).home[chosen])


@router.get(
    "/themes/{slug}",
    response_class=HTMLResponse,
    name="theme",
    responses={**HTML_404, **problem_responses(422)},
)
async def theme(request: Request, slug: Slug, lang: LangQuery = None) -> Response:
    """One theme's page."""
    chosen = negotiate(lang, request.headers.get("accept-language"))
    current = await rendered(request)
    pages = current.themes.get(slug)
    if pages is None:
        return serve(request, current.not_found[chosen], status_code=404)
    return serve(request, pages[chosen])


@router.get(
    "/public",
    response_model=PublicDirectory,
    name="directory",
    responses=problem_responses(422),
)
async def directory(request: Request) -> Response:
    """The public page as JSON."""
    return serve(request, (await rendered(request)).directory_json)


@router.get(
    "/public/themes/{slug}",
    response_model=PublicThemeSection,
    name="theme_directory",
    responses=problem_responses(404, 422),
)
async def theme_directory(request: Request, slug: Slug) -> Response:
    """One theme as JSON."""
    page = (await rendered(request)).theme_json.get(slug)
    if page is None:
        raise NotFound(f"There is no public theme called {slug!r}.")
    return serve(request, page)
