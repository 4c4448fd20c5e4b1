from ambassadors_factories import charter, last_event_id, listed_person, outbox, person
from fastapi import FastAPI
from fastapi.testclient import TestClient


class TestCurrentCharter:
    def test_401_and_404_when_none(self, client: TestClient, app: FastAPI) -> None:
        assert client.get("/charters/current").status_code == 401
        who = person(app)
        assert client.get("/charters/current", headers=who.headers).status_code == 404

    def test_returns_the_latest_version(self, client: TestClient, app: FastAPI) -> None:
        charter(app, "One")
        charter(app, "Two")
        who = person(app)
        body = client.get("/charters/current", headers=who.headers).json()
        assert body["version"] == 2
        assert body["title"] == "Two"
        assert "<h1>Be kind</h1>" in body["body_html"]


class TestPublishCharter:
    def test_admin_only(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        body = {"title": "T", "body_markdown": "x"}
        assert client.post("/charters", json=body).status_code == 401
        assert client.post("/charters", json=body, headers=who.headers).status_code == 403
        assert client.get("/charters", headers=who.headers).status_code == 403

    def test_html_is_sanitised(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        md = "Hi <script>alert(1)</script> [x](javascript:alert(1)) **ok**"
        resp = client.post(
            "/charters", json={"title": "T", "body_markdown": md}, headers=admin.headers
        )
        assert resp.status_code == 201
        html = resp.json()["body_html"]
        assert "<script" not in html
        assert 'href="javascript' not in html
        assert "<strong>ok</strong>" in html
        history = client.get("/charters", headers=admin.headers).json()
        assert [c["version"] for c in history] == [1]

    def test_empty_title_is_422(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        resp = client.post(
            "/charters", json={"title": "", "body_markdown": "x"}, headers=admin.headers
        )
        assert resp.status_code == 422

    def test_new_version_puts_everyone_back_to_pending(
        self, client: TestClient, app: FastAPI
    ) -> None:
        charter(app)
        who = listed_person(app, client)
        admin = person(app, admin=True)
        after = last_event_id(client)
        body = {"title": "v2", "body_markdown": "New rules"}
        assert client.post("/charters", json=body, headers=admin.headers).status_code == 201
        me = client.get("/me", headers=who.headers).json()
        assert me["status"] == "pending"
        assert me["listing"]["listed"] is False
        assert [(e["type"], e["aggregate_id"]) for e in outbox(client, after)] == [
            ("ambassador.unlisted", who.id)
        ]
        after = last_event_id(client)
        resp = client.post("/me/charter-acceptance", json={"version": 2}, headers=who.headers)
        assert resp.json()["status"] == "active"
        assert [e["type"] for e in outbox(client, after)] == ["ambassador.public"]


class TestAcceptCharter:
    def test_wrong_version_is_409(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        resp = client.post("/me/charter-acceptance", json={"version": 1}, headers=who.headers)
        assert resp.status_code == 409
        charter(app)
        resp = client.post("/me/charter-acceptance", json={"version": 3}, headers=who.headers)
        assert resp.status_code == 409

    def test_accepting_makes_the_person_active(self, client: TestClient, app: FastAPI) -> None:
        charter(app)
        who = person(app, accepted=False)
        assert client.get("/me", headers=who.headers).json()["status"] == "pending"
        resp = client.post("/me/charter-acceptance", json={"version": 1}, headers=who.headers)
        assert resp.status_code == 200
        assert resp.json()["status"] == "active"
        assert resp.json()["charter"] == {"current_version": 1, "accepted_version": 1}

    def test_anonymous_and_bad_body(self, client: TestClient, app: FastAPI) -> None:
        assert client.post("/me/charter-acceptance", json={"version": 1}).status_code == 401
        who = person(app)
        resp = client.post("/me/charter-acceptance", json={"version": "x"}, headers=who.headers)
        assert resp.status_code == 422


class TestPreview:
    def test_a_draft_renders_as_it_would_be_published_and_nothing_is_stored(
        self, client: TestClient, app: FastAPI
    ) -> None:
        admin = person(app, admin=True)
        md = "# Draft\n\nHi <script>alert(1)</script> [x](javascript:alert(1)) **ok**"
        resp = client.post("/charters/preview", json={"body_markdown": md}, headers=admin.headers)
        assert resp.status_code == 200, resp.text
        html = resp.json()["body_html"]
        assert "<h1>Draft</h1>" in html and "<strong>ok</strong>" in html
        assert "<script" not in html and 'href="javascript' not in html
        assert client.get("/charters", headers=admin.headers).json() == []
        empty = client.post("/charters/preview", json={"body_markdown": ""}, headers=admin.headers)
        assert empty.json() == {"body_html": ""}
        too_long = {"body_markdown": "x" * 100_001}
        assert (
            client.post("/charters/preview", json=too_long, headers=admin.headers).status_code
            == 422
        )
