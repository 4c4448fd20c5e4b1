"""A profile save never fails because of changes to other fields (approval, consent, other tab)."""

from ambassadors_factories import person, theme
from fastapi import FastAPI
from fastapi.testclient import TestClient


def read(client: TestClient, headers: dict[str, str]) -> tuple[dict[str, object], str]:
    resp = client.get("/me", headers=headers)
    assert resp.status_code == 200
    return resp.json(), resp.headers["ETag"]


def patch(client: TestClient, headers: dict[str, str], tag: str, body: dict[str, object]) -> int:
    resp = client.patch("/me", json=body, headers={**headers, "If-Match": tag})
    return resp.status_code


class TestStaleEtagMerge:
    def test_save_after_an_approval_succeeds(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        admin = person(app, admin=True)
        _, tag = read(client, who.headers)  # the profile page is open
        assert client.put("/me/listing", json={"public": True}, headers=who.headers).is_success
        approved = client.post(f"/admin/moderation/{who.id}/approve", headers=admin.headers)
        assert approved.status_code == 200
        assert patch(client, who.headers, tag, {"bio": "Unsaved words"}) == 200
        assert client.get("/me", headers=who.headers).json()["bio"] == "Unsaved words"

    def test_save_after_an_account_added_elsewhere_succeeds(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = person(app)
        _, tag = read(client, who.headers)
        body = {"platform": "github", "value": "octocat", "public": False}
        assert client.post("/me/accounts", json=body, headers=who.headers).status_code == 201
        assert patch(client, who.headers, tag, {"location": "Lyon"}) == 200

    def test_two_tabs_on_different_fields_both_win(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        cloud = theme(app, "Cloud")
        _, tag = read(client, who.headers)
        assert patch(client, who.headers, tag, {"bio": "From tab A"}) == 200
        assert patch(client, who.headers, tag, {"theme_ids": [cloud], "locale": "en"}) == 200
        me, _ = read(client, who.headers)
        assert me["bio"] == "From tab A"
        assert [t["id"] for t in me["themes"]] == [cloud]  # type: ignore[attr-defined]
        assert me["locale"] == "en"

    def test_same_field_conflicts_and_names_it(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        _, tag = read(client, who.headers)
        assert patch(client, who.headers, tag, {"bio": "Theirs", "job_title": "CTO"}) == 200
        resp = client.patch(
            "/me",
            json={"bio": "Mine", "location": "Nantes"},
            headers={**who.headers, "If-Match": tag},
        )
        assert resp.status_code == 412
        problem = resp.json()
        assert problem["conflicting_fields"] == ["bio"]
        _, current = read(client, who.headers)
        assert problem["current_etag"] == current
        me, _ = read(client, who.headers)
        assert (me["bio"], me["location"]) == ("Theirs", "")  # nothing half-applied

    def test_sending_the_value_already_there_is_no_conflict(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = person(app)
        _, tag = read(client, who.headers)
        assert patch(client, who.headers, tag, {"bio": "Same"}) == 200
        assert patch(client, who.headers, tag, {"bio": "Same", "location": "Paris"}) == 200

    def test_a_save_that_changes_nothing_keeps_the_etag(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = person(app)
        me, tag = read(client, who.headers)
        resp = client.patch(
            "/me",
            json={"display_name": me["display_name"]},
            headers={**who.headers, "If-Match": tag},
        )
        assert resp.status_code == 200
        assert resp.headers["ETag"] == tag

    def test_foreign_or_future_etags_are_412(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        other = person(app)
        _, other_tag = read(client, other.headers)
        for tag in (other_tag, f'"{who.id}.99"', '"garbage"', "W/"):
            assert patch(client, who.headers, tag, {"bio": "x"}) == 412, tag
        assert patch(client, who.headers, "*", {"bio": "x"}) == 200
