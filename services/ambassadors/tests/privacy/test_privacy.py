from typing import Any

from ambassadors_factories import (
    PASSWORD,
    last_event_id,
    listed_person,
    outbox,
    person,
    service_headers,
    theme,
)
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.models import Base
from relais_ambassadors.privacy.service import REGISTRY
from sqlalchemy import func, select


def everything(app: FastAPI) -> str:
    """Every value in every table, as one string to search."""
    chunks: list[str] = []
    with app.state.sessionmaker() as session:  # inside the test's transaction
        conn = session.connection()
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(select(table)):
                chunks.append(repr(tuple(row)))
    return "\n".join(chunks)


def filled_tables(app: FastAPI) -> set[str]:
    with app.state.sessionmaker() as session:
        conn = session.connection()
        return {
            table.name
            for table in Base.metadata.sorted_tables
            if conn.execute(select(func.count()).select_from(table)).scalar()
        }


def erase(client: TestClient, headers: dict[str, str], password: str) -> Any:
    return client.request("DELETE", "/me", json={"password": password}, headers=headers)


class TestExport:
    def test_attachment_with_everything(self, client: TestClient, app: FastAPI) -> None:
        who = listed_person(app, client, name="Élise Export")
        assert client.get("/me/export").status_code == 401
        resp = client.get("/me/export", headers=who.headers)
        assert resp.status_code == 200
        assert resp.headers["content-disposition"].startswith("attachment;")
        data = resp.json()
        assert data["profile"]["display_name"] == "Élise Export"
        assert data["stored_profile"]["email"] == who.email
        assert "password_hash" not in data["stored_profile"]
        assert [a["handle"] for a in data["social_accounts"]] == ["octocat"]
        assert {c["scope"] for c in data["consents"]} == {"listing", "account"}
        assert any(e["type"] == "ambassador.public" for e in data["published_events"])


class TestErasure:
    def test_wrong_password_is_403(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        assert erase(client, who.headers, "not my password").status_code == 403
        assert client.get("/me", headers=who.headers).status_code == 200
        assert client.request("DELETE", "/me", json={"password": PASSWORD}).status_code == 401
        assert erase(client, who.headers, "").status_code == 422

    def test_nothing_about_the_person_is_left(self, client: TestClient, app: FastAPI) -> None:
        who = listed_person(app, client, name="Zacharie Forget", email="zach@example.com")
        admin = person(app, admin=True)
        tid = theme(app, "Cloud")
        tag = client.get("/me", headers=who.headers).headers["ETag"]
        client.patch(
            "/me", json={"theme_ids": [tid], "bio": "unique-bio-text"},
            headers={**who.headers, "If-Match": tag},
        )  # fmt: skip
        client.post("/invitations", json={"email": "friend@example.com"}, headers=admin.headers)
        client.post(
            "/internal/auth/check",
            json={"email": who.email, "password": "bad", "client_ip": "10.1.1.1"},
            headers=service_headers(),
        )
        traces = (who.id, who.email, "Zacharie", "unique-bio-text", "octocat")
        before = everything(app)
        for trace in traces:  # without this, the test would pass if nothing had been stored
            assert trace in before, trace
        stored = {"ambassador", "social_account", "consent_record", "ambassador_theme"}
        assert stored | {"login_failure", "outbox_event"} <= filled_tables(app)
        after = last_event_id(client)
        assert erase(client, who.headers, PASSWORD).status_code == 204
        left = everything(app)
        for trace in traces:
            if trace == who.id:
                # only the erasure event itself names the id, so consumers can forget it
                assert left.count(trace) == 2, trace
            else:
                assert trace not in left, trace
        events = outbox(client, after)
        assert [(e["type"], e["payload"]) for e in events] == [
            ("ambassador.erased", {"id": who.id})
        ]
        assert client.get("/me", headers=who.headers).status_code == 401
        assert "friend@example.com" in left

    def test_an_erased_persons_old_session_opens_nothing(
        self, client: TestClient, app: FastAPI
    ) -> None:
        # The gateway's session outlives the erasure: the service must refuse it everywhere.
        who = person(app, admin=True)
        assert client.get("/directory", headers=who.headers).status_code == 200
        assert erase(client, who.headers, PASSWORD).status_code == 204
        for path in ("/directory", "/themes", "/departments", "/admin/moderation", "/me/export"):
            resp = client.get(path, headers=who.headers)
            assert resp.status_code == 401, path
            assert "no longer exists" in resp.json()["detail"]


class TestPrivacyByConstruction:
    def test_every_table_holding_a_person_is_exported_or_erased(self) -> None:
        assert REGISTRY.uncovered(Base.metadata) == [], "register these in <noun>/privacy.py"
        assert REGISTRY.stale(Base.metadata) == []

    def test_every_registered_part_is_in_the_export(self, client: TestClient, app: FastAPI) -> None:
        who = listed_person(app, client)
        data = client.get("/me/export", headers=who.headers).json()
        exported = {c.key for c in REGISTRY.contributions.values() if c.export is not None}
        assert exported <= set(data)
