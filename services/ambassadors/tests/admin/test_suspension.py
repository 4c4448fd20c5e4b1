"""Admin suspension: unlisted at once, no sign-in, recorded; reinstating restores the consents."""

from typing import Any

from ambassadors_factories import PASSWORD, check, last_event_id, listed_person, outbox, person
from fastapi import FastAPI
from fastapi.testclient import TestClient


def suspend(
    client: TestClient, admin: dict[str, str], who: str, reason: str = "Spam"
) -> dict[str, Any]:
    resp = client.post(f"/admin/ambassadors/{who}/suspend", json={"reason": reason}, headers=admin)
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


class TestSuspend:
    def test_unlists_at_once_and_refuses_sign_in(self, client: TestClient, app: FastAPI) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        after = last_event_id(client)
        body = suspend(client, admin.headers, who.id)
        assert body["status"] == "suspended"
        assert body["listing"]["listed"] is False
        assert body["listing"]["public"] is True  # the person's own consent is untouched
        assert [e["type"] for e in outbox(client, after)] == ["ambassador.unlisted"]
        assert check(client, who.email, PASSWORD) == 401
        me = client.get("/me", headers=who.headers).json()
        assert me["status"] == "suspended"
        listed = client.get("/admin/ambassadors?status=suspended", headers=admin.headers).json()
        assert [p["id"] for p in listed["items"]] == [who.id]

    def test_reinstating_restores_what_consent_allows(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        suspend(client, admin.headers, who.id)
        after = last_event_id(client)
        resp = client.post(f"/admin/ambassadors/{who.id}/reinstate", headers=admin.headers)
        assert resp.status_code == 200, resp.text
        assert resp.json()["status"] == "active"
        assert resp.json()["listing"]["listed"] is True
        events = outbox(client, after)
        assert [e["type"] for e in events] == ["ambassador.public"]
        assert [a["handle"] for a in events[0]["payload"]["accounts"]] == ["octocat"]
        assert check(client, who.email, PASSWORD) == 200

    def test_reinstating_without_listing_consent_stays_unlisted(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        suspend(client, admin.headers, who.id)
        client.put("/me/listing", json={"public": False}, headers=who.headers)
        after = last_event_id(client)
        resp = client.post(f"/admin/ambassadors/{who.id}/reinstate", headers=admin.headers)
        assert resp.json()["listing"]["listed"] is False
        assert outbox(client, after) == []

    def test_both_are_recorded_and_exported(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        admin = person(app, admin=True)
        suspend(client, admin.headers, who.id, reason="Posted <b>spam</b>")
        client.post(f"/admin/ambassadors/{who.id}/reinstate", headers=admin.headers)
        ledger = client.get("/me/export", headers=who.headers).json()["suspensions"]
        assert sorted((r["action"], r["reason"], r["admin_id"]) for r in ledger) == [
            ("reinstated", "", admin.id),
            ("suspended", "Posted <b>spam</b>", admin.id),
        ]

    def test_refusals(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        admin = person(app, admin=True)
        url = f"/admin/ambassadors/{who.id}"
        assert client.post(f"{url}/reinstate", headers=admin.headers).status_code == 409
        missing = client.post(f"{url}/suspend", json={}, headers=admin.headers)
        assert missing.status_code == 422
        assert missing.json()["errors"][0]["field"] == "reason"
        suspend(client, admin.headers, who.id)
        again = client.post(f"{url}/suspend", json={"reason": "x"}, headers=admin.headers)
        assert again.status_code == 409
        self_url = f"/admin/ambassadors/{admin.id}/suspend"
        assert client.post(self_url, json={"reason": "x"}, headers=admin.headers).status_code == 409
        nobody = "/admin/ambassadors/00000000-0000-0000-0000-000000000000/suspend"
        assert client.post(nobody, json={"reason": "x"}, headers=admin.headers).status_code == 404


class TestWhileSuspended:
    def test_a_suspended_admin_loses_admin_powers_at_once(
        self, client: TestClient, app: FastAPI
    ) -> None:
        rogue = person(app, admin=True)
        admin = person(app, admin=True)
        suspend(client, admin.headers, rogue.id)
        # the rogue's session still carries the admin role: the service must refuse it
        resp = client.get("/admin/ambassadors", headers=rogue.headers)
        assert resp.status_code == 403
        assert "suspended" in resp.json()["detail"]
        reinstate = f"/admin/ambassadors/{rogue.id}/reinstate"
        assert client.post(reinstate, headers=rogue.headers).status_code == 403

    def test_own_data_stays_available(self, client: TestClient, app: FastAPI) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        suspend(client, admin.headers, who.id)
        assert client.get("/directory", headers=who.headers).status_code == 403
        assert client.get("/me", headers=who.headers).json()["status"] == "suspended"
        assert client.get("/me/export", headers=who.headers).status_code == 200
        listing = client.put("/me/listing", json={"public": False}, headers=who.headers)
        assert listing.status_code == 200
        erased = client.request("DELETE", "/me", json={"password": PASSWORD}, headers=who.headers)
        assert erased.status_code == 204
