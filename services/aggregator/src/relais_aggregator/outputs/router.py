"""The Planet's open outputs: JSON, Atom, JSON Feed, OPML, the follow list and the widget.

All public. Like the pages, the fast path answers them first; these routes document them and
answer the rest (errors, other query parameters, a cold start) from the same bytes.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path, Request, Response
from fastapi.responses import HTMLResponse
from relais_common.errors import NotFound
from relais_common.problems import problem_responses
from relais_common.routing import public_router

from relais_aggregator.outputs.schemas import PlanetPersonPage, PlanetPostPage
from relais_aggregator.pages.http import serve
from relais_aggregator.pages.i18n import negotiate
from relais_aggregator.pages.router import HTML_404, LangQuery, PageNumber, rendered
from relais_aggregator.readmodel.schemas import PublicDirectory, PublicThemeSection

router = public_router("public", responses={})
Slug = Annotated[str, Path(min_length=1, max_length=120, pattern=r"^[^/]+$")]
ERRORS = problem_responses(404, 422)


def _doc(media_type: str, what: str) -> dict[int | str, dict[str, Any]]:
    return {200: {"description": what, "content": {media_type: {}}}, **ERRORS}


async def plain(request: Request, key: str, missing: str) -> Response:
    found = (await rendered(request)).plain.get(key)
    if found is None:
        raise NotFound(missing)
    return serve(request, found)


@router.get("/public", response_model=PublicDirectory, name="directory", responses=ERRORS)
async def directory(request: Request) -> Response:
    """Everyone listed, grouped by theme, as JSON."""
    return await plain(request, "/public", "Not rendered yet.")


@router.get(
    "/public/themes/{slug}",
    response_model=PublicThemeSection,
    name="theme_directory",
    responses=ERRORS,
)
async def theme_directory(request: Request, slug: Slug) -> Response:
    """One theme as JSON."""
    return await plain(request, f"/public/themes/{slug}", f"There is no public theme {slug!r}.")


@router.get("/public/posts", response_model=PlanetPostPage, name="posts", responses=ERRORS)
async def posts(request: Request, page: PageNumber = 1) -> Response:
    """One page of the river as JSON, newest first."""
    key = "/public/posts" if page == 1 else f"/public/posts?page={page}"
    return await plain(request, key, f"There is no page {page} of posts.")


@router.get(
    "/public/people/{slug}", response_model=PlanetPersonPage, name="person_posts", responses=ERRORS
)
async def person_posts(request: Request, slug: Slug) -> Response:
    """One person and their latest posts as JSON."""
    return await plain(request, f"/public/people/{slug}", f"There is nobody listed as {slug!r}.")


ATOM_DOC = _doc("application/atom+xml", "An Atom 1.0 feed")
JSON_FEED_DOC = _doc("application/feed+json", "A JSON Feed 1.1")


@router.get("/feeds/planet.atom", name="planet_atom", responses=ATOM_DOC)
async def planet_atom(request: Request) -> Response:
    """The river as Atom."""
    return await plain(request, "/feeds/planet.atom", "Not rendered yet.")


@router.get("/feeds/planet.json", name="planet_json_feed", responses=JSON_FEED_DOC)
async def planet_json_feed(request: Request) -> Response:
    """The river as JSON Feed."""
    return await plain(request, "/feeds/planet.json", "Not rendered yet.")


@router.get("/feeds/themes/{slug}.atom", name="theme_atom", responses=ATOM_DOC)
async def theme_atom(request: Request, slug: Slug) -> Response:
    """A theme's posts as Atom."""
    return await plain(request, f"/feeds/themes/{slug}.atom", f"There is no theme {slug!r}.")


@router.get("/feeds/themes/{slug}.json", name="theme_json_feed", responses=JSON_FEED_DOC)
async def theme_json_feed(request: Request, slug: Slug) -> Response:
    """A theme's posts as JSON Feed."""
    return await plain(request, f"/feeds/themes/{slug}.json", f"There is no theme {slug!r}.")


@router.get("/feeds/networks/{slug}.atom", name="network_atom", responses=ATOM_DOC)
async def network_atom(request: Request, slug: Slug) -> Response:
    """A network's posts as Atom (none is published yet)."""
    return await plain(request, f"/feeds/networks/{slug}.atom", f"There is no network {slug!r}.")


@router.get("/feeds/networks/{slug}.json", name="network_json_feed", responses=JSON_FEED_DOC)
async def network_json_feed(request: Request, slug: Slug) -> Response:
    """A network's posts as JSON Feed (none is published yet)."""
    return await plain(request, f"/feeds/networks/{slug}.json", f"There is no network {slug!r}.")


OPML_DOC = _doc("text/x-opml", "OPML 2.0: the consented feeds of these people")


@router.get("/opml/planet.opml", name="planet_opml", responses=OPML_DOC)
async def planet_opml(request: Request) -> Response:
    """Everyone's consented feeds, to import into a feed reader."""
    return await plain(request, "/opml/planet.opml", "Not rendered yet.")


@router.get("/opml/themes/{slug}.opml", name="theme_opml", responses=OPML_DOC)
async def theme_opml(request: Request, slug: Slug) -> Response:
    """A theme's people's consented feeds."""
    return await plain(request, f"/opml/themes/{slug}.opml", f"There is no theme {slug!r}.")


@router.get(
    "/opml/themes/{slug}.csv",
    name="theme_follow_list",
    responses=_doc("text/csv", "Mastodon's follow-list import format"),
)
async def theme_follow_list(request: Request, slug: Slug) -> Response:
    """A theme's Mastodon accounts, as the file Mastodon imports ("Following list")."""
    return await plain(request, f"/opml/themes/{slug}.csv", f"There is no theme {slug!r}.")


@router.get(
    "/widget/embed.js",
    name="widget_script",
    responses=_doc("text/javascript", "Inserts the widget's iframe after its script tag"),
)
async def widget_script(request: Request) -> Response:
    """The script a host page includes: `<script src=".../widget/embed.js" data-theme="x">`."""
    return await plain(request, "/widget/embed.js", "Not rendered yet.")


@router.get("/widget/{slug}", response_class=HTMLResponse, name="widget", responses=HTML_404)
async def widget(request: Request, slug: Slug, lang: LangQuery = None) -> Response:
    """A theme's widget page, made to be framed by other sites."""
    current = await rendered(request)
    chosen = negotiate(lang, request.headers.get("accept-language"))
    found = current.find(f"/widget/{slug}", chosen)
    if found is None:
        return serve(request, current.not_found[chosen], status_code=404)
    return serve(request, found)
