from __future__ import annotations

from typing import Annotated

from fastapi import Query
from relais_common.auth import CurrentUser
from relais_common.db import DbSession
from relais_common.pagination import MAX_LIMIT, Page

from relais_ambassadors.directory.schemas import DirectoryEntry
from relais_ambassadors.directory.service import DirectoryQuery, search
from relais_ambassadors.problems import api_router

router = api_router("directory")


@router.get("/directory", response_model=Page[DirectoryEntry], name="search")
def directory(
    session: DbSession,
    _user: CurrentUser,
    q: Annotated[str | None, Query(max_length=200)] = None,
    theme: Annotated[str | None, Query(max_length=140)] = None,
    department: Annotated[str | None, Query(max_length=64)] = None,
    platform: Annotated[str | None, Query(max_length=40)] = None,
    language: Annotated[str | None, Query(max_length=10)] = None,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
) -> Page[DirectoryEntry]:
    query = DirectoryQuery(
        q=q, theme=theme, department=department, platform=platform, language=language
    )
    items, next_cursor = search(session, query, cursor=cursor, limit=limit)
    return Page[DirectoryEntry](items=items, next_cursor=next_cursor)
