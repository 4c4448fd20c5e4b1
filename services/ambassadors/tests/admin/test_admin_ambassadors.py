"""The core team's ambassadors list: search, status filter, suspension and the admin role."""

from typing import Any

from ambassadors_factories import Person, person
from fastapi import FastAPI
from fastapi.testclient import TestClient


def listed(client: TestClient, admin: Person, **params: str) -> list[dict[str, Any]]:
    resp = client.get("/admin/ambassadors", params=params, headers=admin.headers)
    assert resp.status_code == 200, resp.text
    items: list[dict[str, Any]] = resp.json()["items"]
    return items


def roles(client: TestClient, admin: Person, who: str, grant: bool) -> Any:
    return client.put(
        f"/admin/ambassadors/{who}/roles", json={"admin": grant}, headers=admin.headers
    )


class TestSearch:
    def test_by_name_fragment_without_accents_or_case(
        self, client: TestClient, app: FastAPI
    ) -> None:
        admin = person(app, name="Core Team", admin=True)
        person(app, name="Élodie Martin", email="e.martin@example.com")
        bob = person(app, name="Bob Stone", email="bob@example.com")
        h = {**bob.headers, "If-Match": "*"}
        client.patch("/me", json={"job_title": "Engineer", "bio": "Engineer"}, headers=h)
        assert [p["display_name"] for p in listed(client, admin, q="ELOD")] == ["Élodie Martin"]
        assert [p["email"] for p in listed(client, admin, q="bob@EX")] == ["bob@example.com"]
        assert listed(client, admin, q="%") == []  # LIKE wildcards are plain characters
        assert listed(client, admin, q="engineer") == []  # the name, not the job or the bio

    def test_with_status_filter(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, name="Core Team", admin=True)
        who = person(app, name="Suspended Sam")
        person(app, name="Active Sam")
        body = {"reason": "Tests"}
        client.post(f"/admin/ambassadors/{who.id}/suspend", json=body, headers=admin.headers)
        found = listed(client, admin, q="sam", status="suspended")
        assert [(p["display_name"], p["status"]) for p in found] == [("Suspended Sam", "suspended")]

    def test_too_long_query_is_422(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        resp = client.get("/admin/ambassadors", params={"q": "x" * 101}, headers=admin.headers)
        assert resp.status_code == 422


class TestRoles:
    def test_grant_and_revoke(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        who = person(app)
        resp = roles(client, admin, who.id, True)
        assert resp.status_code == 200, resp.text
        assert resp.json()["roles"][0] == "admin"
        assert "admin" not in roles(client, admin, who.id, False).json()["roles"]

    def test_the_last_active_admin_stays(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        resp = roles(client, admin, admin.id, False)
        assert resp.status_code == 409
        assert resp.headers["content-type"].startswith("application/problem+json")
        other = person(app, admin=True)
        # a suspended admin does not count as the one left
        body = {"reason": "Tests"}
        client.post(f"/admin/ambassadors/{other.id}/suspend", json=body, headers=admin.headers)
        assert roles(client, admin, admin.id, False).status_code == 409
        client.post(f"/admin/ambassadors/{other.id}/reinstate", headers=admin.headers)
        assert roles(client, admin, admin.id, False).status_code == 200

    def test_refusals(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        who = person(app)
        assert roles(client, who, who.id, True).status_code == 403
        missing = "00000000-0000-0000-0000-000000000000"
        assert roles(client, admin, missing, True).status_code == 404
        resp = client.put(
            f"/admin/ambassadors/{who.id}/roles", json={"admin": "maybe"}, headers=admin.headers
        )
        assert resp.status_code == 422
