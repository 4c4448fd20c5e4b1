"""The plugin's rolled-back app: requests commit as usual, and nothing survives the test."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.app import create_service_app
from relais_common.db import DbSession, make_engine, new_metadata
from relais_common.pytest_plugin import _outer_transaction, assert_answer
from relais_common.routing import public_router
from relais_common.settings import CommonSettings
from relais_common.testing import throwaway_database
from sqlalchemy import Column, Integer, Table, func, insert, select

metadata = new_metadata()
counter = Table("counter", metadata, Column("id", Integer, primary_key=True))


def build(url: str) -> FastAPI:
    router = public_router("t")

    @router.post("/count")
    def count(session: DbSession) -> dict[str, int]:
        session.execute(insert(counter).values())
        return {"n": int(session.scalar(select(func.count()).select_from(counter)) or 0)}

    settings = CommonSettings(database_url=url, run_workers=False, log_json=False)
    return create_service_app(settings, title="t", description="t", routers=[router])


def rows(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(counter)) or 0)
    finally:
        engine.dispose()


def test_committed_requests_are_rolled_back_at_the_end(tmp_path: Path) -> None:
    with throwaway_database("common_plugin", tmp_path) as url:
        engine = make_engine(url)
        metadata.create_all(engine)
        engine.dispose()
        app = build(url)
        connection = _outer_transaction(app)
        with TestClient(app) as client:
            assert client.post("/count").json() == {"n": 1}
            assert client.post("/count").json() == {"n": 2}  # each request saw the last commit
        connection.rollback()
        connection.close()
        app.state.engine.dispose()
        assert rows(url) == 0


def test_a_server_error_never_passes_an_authorization_row() -> None:
    request = httpx.Request("GET", "http://t/x")
    with pytest.raises(AssertionError, match="server error 500"):
        assert_answer(httpx.Response(500, request=request), 500, "anonymous")
    assert_answer(httpx.Response(401, request=request), 401, "anonymous")
