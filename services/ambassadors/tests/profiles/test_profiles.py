from ambassadors_factories import department, last_event_id, listed_person, outbox, person, theme
from fastapi import FastAPI
from fastapi.testclient import TestClient


def etag(client: TestClient, headers: dict[str, str]) -> str:
    resp = client.get("/me", headers=headers)
    assert resp.status_code == 200
    return resp.headers["ETag"]


class TestReadMe:
    def test_anonymous_is_401(self, client: TestClient) -> None:
        assert client.get("/me").status_code == 401

    def test_returns_the_profile_with_an_etag(self, client: TestClient, app: FastAPI) -> None:
        who = person(app, name="Zoé Martin")
        resp = client.get("/me", headers=who.headers)
        assert resp.json()["display_name"] == "Zoé Martin"
        assert resp.headers["ETag"] == f'"{who.id}.1"'

    def test_unknown_person_is_401(self, client: TestClient) -> None:
        from relais_common.testing import identity_headers

        headers = identity_headers("00000000-0000-0000-0000-000000000000", {"ambassador"})
        assert client.get("/me", headers=headers).status_code == 401


class TestUpdateMe:
    def test_requires_if_match(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        resp = client.patch("/me", json={"job_title": "CTO"}, headers=who.headers)
        assert resp.status_code == 428

    def test_stale_etag_is_412(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        tag = etag(client, who.headers)
        h = {**who.headers, "If-Match": tag}
        assert client.patch("/me", json={"job_title": "A"}, headers=h).status_code == 200
        assert client.patch("/me", json={"job_title": "B"}, headers=h).status_code == 412

    def test_happy_path(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        dept = department(app, "R&D")
        cloud = theme(app, "Cloud security")
        body = {
            "display_name": "  Jane   Doe ",
            "job_title": "Engineer",
            "department_id": dept,
            "location": "Lyon",
            "languages": ["FR", "en", "fr"],
            "bio": "Hello",
            "theme_ids": [cloud],
            "locale": "en",
        }
        h = {**who.headers, "If-Match": etag(client, who.headers)}
        resp = client.patch("/me", json=body, headers=h)
        assert resp.status_code == 200, resp.text
        me = resp.json()
        assert me["display_name"] == "Jane Doe"
        assert me["department"]["name"] == "R&D"
        assert me["department"]["member_count"] == 1
        assert me["languages"] == ["fr", "en"]
        assert [t["slug"] for t in me["themes"]] == ["cloud-security"]
        assert me["version"] == 2
        assert resp.headers["ETag"] == f'"{who.id}.2"'

    def test_invalid_values_are_422_per_field(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        h = {**who.headers, "If-Match": etag(client, who.headers)}
        bad = [
            ({"languages": ["french"]}, "languages"),
            ({"bio": "x" * 601}, "bio"),
            ({"display_name": "   "}, "display_name"),
            ({"department_id": "nope"}, "department_id"),
            ({"theme_ids": ["nope"]}, "theme_ids"),
            ({"theme_ids": [str(i) for i in range(11)]}, "theme_ids"),
            ({"locale": "de"}, "locale"),
        ]
        for body, field in bad:
            resp = client.patch("/me", json=body, headers=h)
            assert resp.status_code == 422, body
            assert resp.json()["errors"][0]["field"] == field, body

    def test_unknown_fields_are_refused_not_ignored(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        headers = {**who.headers, "If-Match": etag(client, who.headers)}
        resp = client.patch("/me", json={"email": "new@example.com"}, headers=headers)
        assert resp.status_code == 422
        assert resp.json()["errors"] == [
            {
                "field": "email",
                "message": "This field is unknown or cannot be changed here; remove it.",
            }
        ]
        assert client.get("/me", headers=who.headers).json()["email"] == who.email

    def test_html_is_stored_as_text(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        script = "<script>alert('x')</script><b>bold</b>"
        h = {**who.headers, "If-Match": etag(client, who.headers)}
        resp = client.patch("/me", json={"bio": script, "job_title": script[:100]}, headers=h)
        assert resp.json()["bio"] == script
        assert client.get("/me", headers=who.headers).json()["job_title"] == script[:100]

    def test_listed_person_edit_emits_the_public_projection(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = listed_person(app, client)
        after = last_event_id(client)
        h = {**who.headers, "If-Match": etag(client, who.headers)}
        client.patch("/me", json={"job_title": "Head of cloud"}, headers=h)
        events = outbox(client, after)
        assert [e["type"] for e in events] == ["ambassador.public"]
        # the approved version stays public until the change is approved (test_public_changes)
        assert events[0]["payload"]["job_title"] == ""
        assert "email" not in events[0]["payload"]

    def test_unlisted_person_edit_emits_nothing(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        after = last_event_id(client)
        h = {**who.headers, "If-Match": etag(client, who.headers)}
        client.patch("/me", json={"job_title": "Quiet"}, headers=h)
        assert outbox(client, after) == []
