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
from relais_ambassadors.models import SocialAccount
from sqlalchemy import event, update
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


def statements(app: FastAPI) -> list[str]:
    seen: list[str] = []
    event.listen(
        app.state.engine, "before_cursor_execute", lambda _c, _cur, sql, *_a: seen.append(sql)
    )
    return seen


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
        seen = statements(app)
        resp = client.get("/directory", headers=headers)
        assert resp.status_code == 200
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
