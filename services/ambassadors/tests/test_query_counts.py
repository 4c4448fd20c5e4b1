"""No N+1: an admin page costs the same number of SQL statements for 2 rows as for 22."""

from collections.abc import Callable

from ambassadors_factories import Person, department, listed_person, person, theme
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.querycount import count_queries


def statements(app: FastAPI, call: Callable[[], None]) -> int:
    with count_queries(app.state.engine) as queries:
        call()
    return len(queries)


def waiting_people(app: FastAPI, client: TestClient, n: int, cloud: str) -> None:
    """Half wait for a first listing, half are listed with a change waiting."""
    dept = department(app, f"Dept {n}")
    for i in range(n):
        who = listed_person(app, client) if i % 2 else person(app, department_id=dept)
        body = {"platform": "github", "value": f"octo-{n}-{i}", "public": True}
        assert client.post("/me/accounts", json=body, headers=who.headers).status_code == 201
        patch = {"theme_ids": [cloud], "bio": f"Bio {i}", "department_id": dept}
        h = {**who.headers, "If-Match": "*"}
        assert client.patch("/me", json=patch, headers=h).status_code == 200
        if not i % 2:
            assert client.put("/me/listing", json={"public": True}, headers=who.headers).is_success


def invitations(client: TestClient, admin: Person, dept: str, n: int, start: int) -> None:
    for i in range(start, start + n):
        body = {
            "email": f"guest{i}@example.com",
            "display_name": f"Guest {i}",
            "department_id": dept,
        }
        assert client.post("/invitations", json=body, headers=admin.headers).status_code == 201


MAX_STATEMENTS = 10  # measured: ambassadors 6, moderation 7, invitations 3


class TestConstantQueriesPerPage:
    def test_admin_ambassadors(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        cloud = theme(app, "Cloud")
        waiting_people(app, client, 2, cloud)

        def page() -> None:
            assert client.get("/admin/ambassadors?limit=50", headers=admin.headers).is_success

        few = statements(app, page)
        waiting_people(app, client, 20, cloud)
        many = statements(app, page)
        assert many == few <= MAX_STATEMENTS, (few, many)

    def test_moderation_queue(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        cloud = theme(app, "Cloud")
        waiting_people(app, client, 2, cloud)

        def page() -> None:
            resp = client.get("/admin/moderation", headers=admin.headers)
            assert resp.is_success
            assert all(i["themes"] and i["department"] for i in resp.json())

        few = statements(app, page)
        waiting_people(app, client, 20, cloud)
        many = statements(app, page)
        assert len(client.get("/admin/moderation", headers=admin.headers).json()) == 22
        assert many == few <= MAX_STATEMENTS, (few, many)

    def test_invitations(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        dept = department(app, "Sales")
        invitations(client, admin, dept, 2, 0)

        def page() -> None:
            assert client.get("/invitations?limit=50", headers=admin.headers).is_success

        few = statements(app, page)
        invitations(client, admin, dept, 20, 2)
        many = statements(app, page)
        assert many == few <= MAX_STATEMENTS, (few, many)
