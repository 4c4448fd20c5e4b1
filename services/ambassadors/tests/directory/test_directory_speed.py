"""The directory's fast path stays correct: plain rows, one serialisation, the window search,
the identity check without a thread hop, and the company-scale indexes."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from ambassadors_factories import charter, department, loaded_instances, person, profile, theme
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.accounts.gate import require_verified
from relais_ambassadors.directory import repository
from relais_ambassadors.directory.schemas import DirectoryEntry
from relais_ambassadors.models import Department, SocialAccount, Theme
from relais_ambassadors.people import refuse_erased_or_suspended
from relais_common.db import make_engine
from relais_common.migrations import downgrade, upgrade
from relais_common.testing import throwaway_database
from sqlalchemy import inspect as sql_inspect
from sqlalchemy import text

SERVICE_ROOT = Path(__file__).resolve().parents[2]


def company(client: TestClient, app: FastAPI) -> dict[str, str]:
    """Three people with a department, themes and accounts; returns a reader's headers."""
    charter(app)
    rd, cloud, data = department(app, "R&D"), theme(app, "Cloud"), theme(app, "Data")
    for name, handle in (("Ana Lima", "ana"), ("Bob Martin", "bobm"), ("Cleo Roy", "cleo")):
        who = person(app, name=name)
        profile(client, who.headers, department_id=rd, theme_ids=[cloud, data], languages=["fr"])
        for platform in ("github", "mastodon"):
            value = handle if platform == "github" else f"@{handle}@mastodon.social"
            resp = client.post(
                "/me/accounts", json={"platform": platform, "value": value}, headers=who.headers
            )
            assert resp.status_code == 201, resp.text
    return who.headers


class TestDirectoryPage:
    def test_a_page_loads_no_orm_objects(self, client: TestClient, app: FastAPI) -> None:
        headers = company(client, app)
        with loaded_instances(SocialAccount, Theme, Department) as seen:
            resp = client.get("/directory", headers=headers)
        assert resp.status_code == 200
        assert len(resp.json()["items"]) == 3
        assert seen == []  # the accounts, themes and departments came as plain rows

    def test_entries_are_exactly_the_response_model(self, client: TestClient, app: FastAPI) -> None:
        """The page skips FastAPI's response validation: it must be what the model says."""
        headers = company(client, app)
        resp = client.get("/directory?limit=2", headers=headers)
        assert resp.headers["content-type"] == "application/json"
        page = resp.json()
        assert set(page) == {"items", "next_cursor"} and page["next_cursor"]
        for item in page["items"]:
            assert DirectoryEntry.model_validate(item).model_dump(mode="json") == item
            assert len(item["accounts"]) == 2 and len(item["themes"]) == 2
            assert item["department"]["name"] == "R&D"
            assert item["accounts"][0]["created_at"].endswith("Z")

    def test_the_check_costs_no_thread_hop(self) -> None:
        # FastAPI runs a sync dependency in its threadpool; these run on the event loop
        assert inspect.iscoroutinefunction(refuse_erased_or_suspended)
        assert inspect.iscoroutinefunction(require_verified)


class TestWindowSearch:
    """Narrowed searches look in a window of names first, then match everyone: same pages."""

    @pytest.fixture
    def small_window(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(repository, "WINDOWS", (2, 3))

    def pages(self, client: TestClient, headers: dict[str, str], query: str) -> list[str]:
        seen: list[str] = []
        cursor = None
        for _ in range(20):
            url = f"/directory?limit=2&{query}" + (f"&cursor={cursor}" if cursor else "")
            resp = client.get(url, headers=headers)
            assert resp.status_code == 200, resp.text
            seen += [e["display_name"] for e in resp.json()["items"]]
            cursor = resp.json()["next_cursor"]
            if cursor is None:
                return seen
        raise AssertionError("the pages never ended")

    def test_rare_and_frequent_matches_page_in_name_order(
        self, client: TestClient, app: FastAPI, small_window: None
    ) -> None:
        charter(app)
        names = [f"Aaron {i:02d}" for i in range(7)] + ["Maëlle Zed", "Zoé Maëlle"]
        people = {name: person(app, name=name) for name in names}
        reader = people["Aaron 00"].headers
        profile(client, people["Zoé Maëlle"].headers, location="Lyon")
        profile(client, people["Aaron 05"].headers, location="Lyon")
        assert self.pages(client, reader, "q=maelle") == ["Maëlle Zed", "Zoé Maëlle"]
        assert self.pages(client, reader, "q=aaron") == [f"Aaron {i:02d}" for i in range(7)]
        assert self.pages(client, reader, "q=lyon") == ["Aaron 05", "Zoé Maëlle"]
        assert self.pages(client, reader, "q=0") == [f"Aaron {i:02d}" for i in range(7)]
        assert self.pages(client, reader, "q=nobody") == []


class TestShortFragments:
    """A fragment of two letters matches anywhere in the searched text, as a longer one does
    (on PostgreSQL past the window it is found by its bigram: the same rows as the LIKE)."""

    def test_two_letters_match_inside_words_past_the_window(
        self, client: TestClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(repository, "WINDOWS", (2,))
        charter(app)
        names = [f"Aaron {i:02d}" for i in range(5)] + ["Ayumi Sato", "Yuki Mori", "Zoé Yu"]
        people = {name: person(app, name=name) for name in names}
        reader = people["Aaron 00"].headers
        profile(client, people["Aaron 03"].headers, job_title="Yurt designer")
        profile(client, people["Aaron 04"].headers, location="Kyūshū")  # "kyushu": yu twice
        for q in ("yu", "YU", "Yū"):
            resp = client.get(f"/directory?q={q}&limit=2", headers=reader)
            assert resp.status_code == 200, resp.text
            seen = [e["display_name"] for e in resp.json()["items"]]
            cursor = resp.json()["next_cursor"]
            while cursor:
                resp = client.get(f"/directory?q={q}&limit=2&cursor={cursor}", headers=reader)
                seen += [e["display_name"] for e in resp.json()["items"]]
                cursor = resp.json()["next_cursor"]
            assert seen == ["Aaron 03", "Aaron 04", "Ayumi Sato", "Yuki Mori", "Zoé Yu"], q
        resp = client.get("/directory?q=zy", headers=reader)
        assert resp.json()["items"] == []


def test_company_scale_indexes_come_and_go(tmp_path: Path) -> None:
    with throwaway_database("ambassadors", tmp_path) as url:
        upgrade(SERVICE_ROOT, url)
        engine = make_engine(url)
        try:
            indexes = {i["name"] for i in sql_inspect(engine).get_indexes("ambassador")}
            assert "ix_ambassador_display_name_id" in indexes
            if engine.dialect.name == "postgresql":
                with engine.connect() as conn:
                    definition = conn.execute(
                        text("SELECT indexdef FROM pg_indexes WHERE indexname = :n"),
                        {"n": "ix_ambassador_search_text_trgm"},
                    ).scalar_one()
                assert "USING gin (search_text gin_trgm_ops)" in definition
                with engine.connect() as conn:
                    bigrams = conn.execute(text("SELECT relais_bigrams('Ab c')")).scalar_one()
                    definition = conn.execute(
                        text("SELECT indexdef FROM pg_indexes WHERE indexname = :n"),
                        {"n": "ix_ambassador_search_text_bigrams"},
                    ).scalar_one()
                assert bigrams == ["Ab", "b ", " c"]
                assert "USING gin (relais_bigrams(search_text))" in definition
            accounts = {i["name"] for i in sql_inspect(engine).get_indexes("social_account")}
            assert "ix_social_account_platform_ambassador_id" in accounts
            downgrade(SERVICE_ROOT, url, "20261201_structure")
            indexes = {i["name"] for i in sql_inspect(engine).get_indexes("ambassador")}
            assert not indexes & {
                "ix_ambassador_display_name_id",
                "ix_ambassador_search_text_trgm",
                "ix_ambassador_search_text_bigrams",
            }
            accounts = {i["name"] for i in sql_inspect(engine).get_indexes("social_account")}
            assert "ix_social_account_platform_ambassador_id" not in accounts
            if engine.dialect.name == "postgresql":
                with engine.connect() as conn:
                    left = conn.execute(
                        text("SELECT count(*) FROM pg_proc WHERE proname = 'relais_bigrams'")
                    ).scalar_one()
                assert left == 0
        finally:
            engine.dispose()
