from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import Query, Request, Response
from pydantic_core import to_json
from relais_common.db import DbSession, one_hop
from relais_common.fastpath import FastAnswer, fast_read
from relais_common.pagination import MAX_LIMIT, Page

from relais_ambassadors.accounts.gate import VerifiedUser
from relais_ambassadors.directory import service
from relais_ambassadors.directory.schemas import DirectoryEntry
from relais_ambassadors.directory.service import DirectoryQuery, search
from relais_ambassadors.problems import api_router

router = api_router("directory")
JSON = "application/json"


@router.get("/directory", response_model=Page[DirectoryEntry], name="search")
async def directory(
    request: Request,
    session: DbSession,
    _user: VerifiedUser,
    q: Annotated[str | None, Query(max_length=200)] = None,
    theme: Annotated[str | None, Query(max_length=140)] = None,
    department: Annotated[str | None, Query(max_length=64)] = None,
    platform: Annotated[str | None, Query(max_length=40)] = None,
    language: Annotated[str | None, Query(max_length=10)] = None,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
) -> Response:
    query = DirectoryQuery(
        q=q, theme=theme, department=department, platform=platform, language=language
    )
    # The search and the commit in one thread hop; the page is plain data shaped like the
    # response model, serialised once (pydantic_core) rather than validated again.
    items, next_cursor = await one_hop(
        request,
        session,
        lambda: search(session, query, cursor=cursor, limit=limit),
        read_only=True,
    )
    return Response(to_json({"items": items, "next_cursor": next_cursor}), media_type=JSON)


FILTERS = ("q", "theme", "department", "platform", "language", "cursor")


@fast_read(directory)
async def first_page(request: Request, values: Mapping[str, Any]) -> FastAnswer | None:
    """The page everyone opens (no filter, no cursor), after the route's own guards."""
    if any(values[name] for name in FILTERS):
        return None
    items, next_cursor = await service.first_page(request.app, values["limit"])
    return FastAnswer(to_json({"items": items, "next_cursor": next_cursor}))
