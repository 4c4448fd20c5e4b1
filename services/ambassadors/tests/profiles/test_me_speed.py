"""GET /me's fast path (three prebuilt statements, rows, one thread hop at most) answers
exactly what the full view (`me_view`, used after a change) answers."""

from __future__ import annotations

from datetime import UTC, datetime

from ambassadors_factories import (
    charter,
    department,
    loaded_instances,
    person,
    profile,
    session_of,
    theme,
)
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.models import Ambassador, Department, SocialAccount, Theme
from relais_ambassadors.views import me_view
from relais_common.concurrency import etag_of
from relais_common.querycount import count_queries


def full_view(app: FastAPI, person_id: str) -> dict[str, object]:
    with session_of(app) as session:
        me = session.get(Ambassador, person_id)
        assert me is not None
        return me_view(session, me).model_dump(mode="json")


class TestReadMe:
    def test_it_answers_what_the_full_view_answers(self, client: TestClient, app: FastAPI) -> None:
        charter(app)
        rd, cloud, data = department(app, "R&D"), theme(app, "Cloud"), theme(app, "Data")
        colleague = person(app, name="Bob Martin")
        profile(client, colleague.headers, department_id=rd, theme_ids=[cloud])
        who = person(app, name="Ana Lima")
        profile(
            client,
            who.headers,
            department_id=rd,
            theme_ids=[cloud, data],
            languages=["fr", "pt"],
            job_title="Engineer",
        )
        for platform, value in (("github", "ana"), ("mastodon", "@ana@mastodon.social")):
            body = {"platform": platform, "value": value}
            assert client.post("/me/accounts", json=body, headers=who.headers).status_code == 201

        resp = client.get("/me", headers=who.headers)

        assert resp.status_code == 200
        assert resp.headers["content-type"] == "application/json"
        me = resp.json()
        assert me == full_view(app, who.id)
        # the counts and the listing rule really were read, not defaulted
        assert me["department"]["member_count"] == 2
        assert {t["name"]: t["ambassador_count"] for t in me["themes"]} == {"Cloud": 2, "Data": 1}
        assert [a["platform"] for a in me["accounts"]] == ["github", "mastodon"]
        assert me["status"] == "active" and me["charter"]["accepted_version"] == 1
        assert resp.headers["ETag"] == etag_of(who.id, me["version"])

    def test_a_person_without_department_themes_or_charter(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = person(app, name="Cleo Roy", accepted=False)
        resp = client.get("/me", headers=who.headers)
        assert resp.status_code == 200
        me = resp.json()
        assert me == full_view(app, who.id)
        assert me["department"] is None and me["themes"] == [] and me["accounts"] == []
        assert me["charter"]["current_version"] is None

    def test_it_loads_no_orm_objects(self, client: TestClient, app: FastAPI) -> None:
        rd = department(app, "R&D")
        who = person(app, name="Ana Lima", department_id=rd)
        with loaded_instances(Ambassador, SocialAccount, Theme, Department) as seen:
            assert client.get("/me", headers=who.headers).status_code == 200
        assert seen == []

    def test_an_erased_person_is_refused(self, client: TestClient, app: FastAPI) -> None:
        who = person(app, name="Gone Soon")
        with session_of(app) as session:
            session.delete(session.get(Ambassador, who.id))
            session.commit()
        resp = client.get("/me", headers=who.headers)
        assert resp.status_code == 401
        assert resp.headers["content-type"].startswith("application/problem+json")


class TestReadMeStatements:
    def test_postgresql_reads_me_in_one_statement(self, client: TestClient, app: FastAPI) -> None:
        """PostgreSQL: the themes and accounts come in the person's row (JSON built there), with
        datetimes as pydantic writes them; SQLite keeps three statements. Same answer."""
        charter(app)
        cloud = theme(app, "Cloud")
        who = person(app, name="Ana Lima")
        profile(client, who.headers, theme_ids=[cloud])
        body = {"platform": "github", "value": "ana"}
        account = client.post("/me/accounts", json=body, headers=who.headers).json()["id"]
        with session_of(app) as session:  # a whole second: written without ".000000"
            row = session.get(SocialAccount, account)
            assert row is not None
            row.created_at = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
            session.commit()
        fast = app.state.fast_routes["/me"]
        answered = fast.answered
        with count_queries(app.state.engine) as seen:
            resp = client.get("/me", headers=who.headers)
        assert resp.status_code == 200
        assert fast.answered == answered + 1  # by the fast read (relais_common.fastpath)
        reads = [sql for sql in seen.statements if sql.lstrip().upper().startswith("SELECT")]
        # the standing check (people.standing_of), then the view's own statements
        expected = 1 + (1 if app.state.engine.dialect.name == "postgresql" else 3)
        assert len(reads) == expected, reads
        me = resp.json()
        assert me == full_view(app, who.id)
        assert me["accounts"][0]["created_at"] == "2026-11-30T09:15:00Z"
        assert [t["ambassador_count"] for t in me["themes"]] == [1]
