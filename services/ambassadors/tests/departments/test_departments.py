from ambassadors_factories import department, last_event_id, outbox, person
from fastapi import FastAPI
from fastapi.testclient import TestClient


class TestDepartments:
    def test_create_roles_and_duplicates(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        admin = person(app, admin=True)
        body = {"name": "R&D"}
        assert client.post("/departments", json=body).status_code == 401
        assert client.post("/departments", json=body, headers=who.headers).status_code == 403
        resp = client.post("/departments", json=body, headers=admin.headers)
        assert resp.status_code == 201
        assert resp.json()["slug"] == "r-d"
        assert client.post("/departments", json=body, headers=admin.headers).status_code == 409

    def test_rename_with_if_match(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        did = department(app, "Sales")
        url = f"/departments/{did}"
        assert client.patch(url, json={"name": "Ventes"}, headers=admin.headers).status_code == 428
        tag = client.get(url, headers=admin.headers).headers["ETag"]
        h = {**admin.headers, "If-Match": tag}
        assert client.patch(url, json={"name": "Ventes"}, headers=h).json()["slug"] == "ventes"
        assert client.patch(url, json={"name": "Other"}, headers=h).status_code == 412

    def test_merge_moves_members_and_archive(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        source, target = department(app, "Devs"), department(app, "R&D")
        who = person(app, department_id=source)
        after = last_event_id(client)
        resp = client.post(
            f"/departments/{source}/merge", json={"into_id": target}, headers=admin.headers
        )
        assert resp.json()["member_count"] == 1
        assert client.get("/me", headers=who.headers).json()["department"]["id"] == target
        assert outbox(client, after) == []  # departments are never public
        listing = client.get("/departments", headers=who.headers).json()
        assert [d["name"] for d in listing] == ["R&D"]
        assert (
            client.post(f"/departments/{target}/archive", headers=admin.headers).status_code == 200
        )
        missing = "/departments/00000000-0000-0000-0000-000000000000/archive"
        assert client.post(missing, headers=admin.headers).status_code == 404
