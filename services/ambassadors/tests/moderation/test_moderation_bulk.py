"""Bulk decisions: bounded, one result per person, a refusal never stops the others."""

from ambassadors_factories import last_event_id, listed_person, outbox, person
from fastapi import FastAPI
from fastapi.testclient import TestClient


def waiting(app: FastAPI, client: TestClient) -> str:
    who = person(app)
    assert client.put("/me/listing", json={"public": True}, headers=who.headers).is_success
    return who.id


class TestBulk:
    def test_approve_many_with_per_item_results(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        first, second = waiting(app, client), waiting(app, client)
        changed = listed_person(app, client)
        client.patch("/me", json={"bio": "New"}, headers={**changed.headers, "If-Match": "*"})
        quiet = person(app).id
        missing = "00000000-0000-0000-0000-000000000000"
        after = last_event_id(client)
        body = {"action": "approve", "ambassador_ids": [first, second, changed.id, quiet, missing]}
        resp = client.post("/admin/moderation/bulk", json=body, headers=admin.headers)
        assert resp.status_code == 200, resp.text
        statuses = [(r["ambassador_id"], r["status"]) for r in resp.json()["results"]]
        assert statuses == [
            (first, 200), (second, 200), (changed.id, 200), (quiet, 409), (missing, 404)
        ]  # fmt: skip
        assert client.get("/admin/moderation/count", headers=admin.headers).json()["total"] == 0
        public = {e["payload"]["id"]: e["payload"] for e in outbox(client, after)}
        assert public[changed.id]["bio"] == "New"

    def test_reject_needs_a_reason(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        one = waiting(app, client)
        body = {"action": "reject", "ambassador_ids": [one]}
        resp = client.post("/admin/moderation/bulk", json=body, headers=admin.headers)
        assert resp.status_code == 422
        body["reason"] = "Add a job title"
        resp = client.post("/admin/moderation/bulk", json=body, headers=admin.headers)
        assert resp.json()["results"] == [{"ambassador_id": one, "status": 200, "detail": None}]
        me = client.get("/admin/moderation", headers=admin.headers).json()
        assert me == []

    def test_bounded_and_admin_only(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        who = person(app)
        ids = [f"id-{i}" for i in range(51)]
        body = {"action": "approve", "ambassador_ids": ids}
        assert (
            client.post("/admin/moderation/bulk", json=body, headers=admin.headers).status_code
            == 422
        )
        body = {"action": "approve", "ambassador_ids": ids[:1]}
        assert (
            client.post("/admin/moderation/bulk", json=body, headers=who.headers).status_code == 403
        )
        assert client.get("/admin/moderation/count", headers=who.headers).status_code == 403
