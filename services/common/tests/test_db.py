"""The request session: it commits before the response leaves, so a 2xx means "stored"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.db import DbSession, make_engine, make_sessionmaker, new_metadata
from relais_common.errors import install_error_handlers
from relais_common.testing import throwaway_database
from sqlalchemy import String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    metadata = new_metadata()


class Nickname(Base):
    __tablename__ = "nickname"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)


@pytest.fixture
def app(tmp_path: Path) -> Iterator[FastAPI]:
    with throwaway_database("common", tmp_path) as url:
        engine = make_engine(url)
        Base.metadata.create_all(engine)
        application = FastAPI()
        install_error_handlers(application)
        application.state.sessionmaker = make_sessionmaker(engine)

        @application.post("/nicknames/{name}", status_code=201)
        def add(name: str, session: DbSession) -> dict[str, str]:
            session.add(Nickname(name=name))  # flushed by the commit, after the handler
            return {"name": name}

        yield application
        engine.dispose()


def test_a_failing_commit_is_never_answered_with_success(app: FastAPI) -> None:
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.post("/nicknames/nico").status_code == 201
        # the duplicate fails at commit time: the client must not be told it was stored
        resp = client.post("/nicknames/nico")
    assert resp.status_code == 500
    assert resp.headers["content-type"] == "application/problem+json"


def test_a_success_is_committed_before_the_response(app: FastAPI) -> None:
    stored: list[str] = []

    @app.middleware("http")
    async def read_after_response_start(request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        with app.state.sessionmaker() as session:  # another connection, like the next request
            stored.extend(session.scalars(select(Nickname.name)))
        return response

    with TestClient(app) as client:
        assert client.post("/nicknames/lea").status_code == 201
    assert stored == ["lea"]


def test_an_in_memory_sqlite_engine_opens() -> None:
    # the OpenAPI dumps build each app on "sqlite://" without a server
    from relais_common.db import make_engine

    engine = make_engine("sqlite://")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT 1").scalar() == 1
    finally:
        engine.dispose()


def test_a_savepoint_opening_a_transaction_is_rolled_back_with_it(tmp_path: Path) -> None:
    """SQLite: a SAVEPOINT sent outside a transaction opens one, and its RELEASE commits it.
    The outer transaction's rollback must still undo the savepoint's rows, as on PostgreSQL."""
    with throwaway_database("common", tmp_path) as url:
        engine = make_engine(url)
        try:
            Base.metadata.create_all(engine)
            factory = make_sessionmaker(engine)
            with factory() as session:
                with session.begin_nested():  # the transaction's first statement
                    session.add(Nickname(name="inner"))
                session.add(Nickname(name="outer"))
                session.flush()
                assert set(session.scalars(select(Nickname.name))) == {"inner", "outer"}
                session.rollback()
            with factory() as session:
                assert list(session.scalars(select(Nickname.name))) == []
            with factory() as session, session.begin(), session.begin_nested():  # committed
                session.add(Nickname(name="kept"))
            with factory() as session:
                assert list(session.scalars(select(Nickname.name))) == ["kept"]
        finally:
            engine.dispose()
