"""A directory page's themes and accounts: read in the page's statement on PostgreSQL
(repository.with_lists, JSON made by the database), by two more queries on SQLite. Both must
put the same bytes on the wire."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from ambassadors_factories import charter, department, person, theme
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.directory import repository
from relais_ambassadors.filters import status_is
from relais_ambassadors.models import SocialAccount
from relais_common.fastpath import FastRoute
from relais_common.querycount import count_queries
from sqlalchemy import update
from sqlalchemy.orm import Session


def profile(client: TestClient, headers: dict[str, str], **body: object) -> None:
    tag = client.get("/me", headers=headers).headers["ETag"]
    resp = client.patch("/me", json=body, headers={**headers, "If-Match": tag})
    assert resp.status_code == 200, resp.text


def add_account(client: TestClient, headers: dict[str, str], platform: str, value: str) -> str:
    resp = client.post("/me/accounts", json={"platform": platform, "value": value}, headers=headers)
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


def company(client: TestClient, app: FastAPI) -> dict[str, str]:
    """People with and without department, themes, accounts; a datetime on a whole second."""
    charter(app)
    rd, cloud, data = department(app, "R&D"), theme(app, "Cloud"), theme(app, "Data & IA")
    ana, bob = person(app, name="Ana Lima"), person(app, name="Bob Martin")
    person(app, name="Cleo Roy")  # no department, no theme, no account
    profile(client, ana.headers, department_id=rd, theme_ids=[data, cloud], languages=["fr"])
    profile(client, bob.headers, theme_ids=[cloud], bio="no department")
    first = add_account(client, ana.headers, "mastodon", "@ana@mastodon.social")
    add_account(client, ana.headers, "github", "ana")
    add_account(client, bob.headers, "github", "bobm")
    whole_second = datetime(2026, 11, 30, 9, 15, 0, tzinfo=UTC)  # pydantic writes no ".000000"
    with app.state.sessionmaker.begin() as session:
        session.execute(
            update(SocialAccount).where(SocialAccount.id == first).values(created_at=whole_second)
        )
    return ana.headers


def pages(client: TestClient, headers: dict[str, str]) -> list[bytes]:
    urls = ["/directory", "/directory?limit=1", "/directory?q=li", "/directory?theme=cloud"]
    bodies = []
    for url in urls:
        resp = client.get(url, headers=headers)
        assert resp.status_code == 200, resp.text
        bodies.append(resp.content)
    return bodies


async def _the_route_answers(_route: FastRoute, _scope: Any) -> None:
    return None  # every request goes to the FastAPI route


class TestPageLists:
    def test_same_bytes_as_the_separate_queries(
        self, client: TestClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        headers = company(client, app)
        inline = pages(client, headers)

        def no_lists(_session: Session, stmt: Any, _owner: Any = None) -> Any:
            return stmt

        monkeypatch.setattr(repository, "with_lists", no_lists)
        separate = pages(client, headers)
        assert inline == separate
        entry = client.get("/directory?limit=1", headers=headers).json()["items"][0]
        assert entry["display_name"] == "Ana Lima"
        assert [t["name"] for t in entry["themes"]] == ["Cloud", "Data & IA"]
        assert entry["accounts"][0]["created_at"] == "2026-11-30T09:15:00Z"
        assert entry["accounts"][1]["created_at"].endswith("Z")

    def test_postgresql_reads_a_page_in_fewer_statements(
        self, client: TestClient, app: FastAPI
    ) -> None:
        headers = company(client, app)
        with count_queries(app.state.engine) as counted:
            resp = client.get("/directory", headers=headers)
        assert resp.status_code == 200
        seen = counted.statements
        people = [sql for sql in seen if "FROM ambassador" in sql and "ORDER BY" in sql]
        lists = [sql for sql in seen if "FROM social_account" in sql and "IN (" in sql]
        if app.state.engine.dialect.name == "postgresql":
            assert len(people) == 1 and "json_agg" in people[0]
            assert lists == []  # no separate query for the accounts
        else:
            assert len(lists) == 1

    def test_rare_matches_carry_their_lists(self, client: TestClient, app: FastAPI) -> None:
        """Past the name windows (people_page's last query, a subquery) the lists still come."""
        headers = company(client, app)
        window = pytest.MonkeyPatch()
        window.setattr(repository, "WINDOWS", (1,))
        try:
            items = client.get("/directory?q=lima", headers=headers).json()["items"]
        finally:
            window.undo()
        assert [e["display_name"] for e in items] == ["Ana Lima"]
        assert len(items[0]["accounts"]) == 2 and len(items[0]["themes"]) == 2


class TestFirstPage:
    """The unfiltered first page comes from one statement built once (repository.first_page,
    the charter version inside it): it must answer what the general path answers."""

    @staticmethod
    def _general(session: Session, limit: int) -> Any:
        current = repository.current_charter_version(session)
        stmt = repository.people_statement().where(status_is("active", current))
        rows, cursor = repository.people_page(
            session, stmt, cursor=None, limit=limit, narrowed=False
        )
        return rows, cursor, current

    def _both(
        self, client: TestClient, headers: dict[str, str], monkeypatch: pytest.MonkeyPatch
    ) -> tuple[list[Any], list[Any]]:
        urls = ["/directory", "/directory?limit=1", "/directory?limit=2"]
        route = client.app.state.fast_routes["/directory"]  # type: ignore[attr-defined]
        answered = route.answered
        fast = [client.get(url, headers=headers).json() for url in urls]
        assert route.answered == answered + len(urls)  # the fast read answered them
        with monkeypatch.context() as patch:
            patch.setattr(repository, "first_page", self._general)
            patch.setattr(FastRoute, "answer", _the_route_answers)
            general = [client.get(url, headers=headers).json() for url in urls]
        assert route.answered == answered + len(urls)
        return fast, general

    def test_same_page_and_cursor_with_a_charter(
        self, client: TestClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        headers = company(client, app)
        person(app, name="Dan Pending", accepted=False)  # has not accepted it: not listed
        fast, general = self._both(client, headers, monkeypatch)
        assert fast == general
        names = [e["display_name"] for e in fast[0]["items"]]
        assert names == ["Ana Lima", "Bob Martin", "Cleo Roy"]
        assert fast[1]["next_cursor"] is not None and fast[0]["next_cursor"] is None
        follow = client.get(f"/directory?limit=1&cursor={fast[1]['next_cursor']}", headers=headers)
        assert [e["display_name"] for e in follow.json()["items"]] == ["Bob Martin"]

    def test_same_page_without_any_charter(
        self, client: TestClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        reader = person(app, name="Eve Early")
        person(app, name="Fay Early", accepted=False)  # no charter yet: everyone is active
        fast, general = self._both(client, reader.headers, monkeypatch)
        assert fast == general
        assert [e["display_name"] for e in fast[0]["items"]] == ["Eve Early", "Fay Early"]

    def test_one_statement_for_the_page(self, client: TestClient, app: FastAPI) -> None:
        headers = company(client, app)
        with count_queries(app.state.engine) as counted:
            assert client.get("/directory", headers=headers).status_code == 200
        seen = counted.statements
        assert [sql for sql in seen if "ORDER BY" in sql]  # the page was read, and counted
        assert not [sql for sql in seen if "max(charter.version)" in sql and "ORDER BY" not in sql]
