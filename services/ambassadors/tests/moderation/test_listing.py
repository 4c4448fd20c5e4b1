"""Listing consent, moderation and the public projection: the status and listing rules."""

from ambassadors_factories import charter, last_event_id, listed_person, outbox, person
from fastapi import FastAPI
from fastapi.testclient import TestClient


def add(client: TestClient, headers: dict[str, str], handle: str, public: bool) -> str:
    body = {"platform": "github", "value": handle, "public": public}
    resp = client.post("/me/accounts", json=body, headers=headers)
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


class TestListingConsent:
    def test_an_unconfirmed_address_cannot_ask_to_be_listed(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = person(app, verified=False)
        admin = person(app, admin=True)
        resp = client.put("/me/listing", json={"public": True}, headers=who.headers)
        assert resp.status_code == 403, resp.text
        assert resp.json()["type"].endswith("/email-unverified")
        assert client.get("/me", headers=who.headers).json()["listing"]["public"] is False
        queue = client.get("/admin/moderation", headers=admin.headers).json()
        assert who.id not in [i["ambassador_id"] for i in queue]
        # Withdrawing (or staying unlisted) is always allowed.
        resp = client.put("/me/listing", json={"public": False}, headers=who.headers)
        assert resp.status_code == 200, resp.text

    def test_granting_goes_to_moderation(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        admin = person(app, admin=True)
        resp = client.put("/me/listing", json={"public": True}, headers=who.headers)
        listing = resp.json()["listing"]
        assert listing["public"] is True
        assert listing["moderation"] == "pending"
        assert listing["consented_at"]
        assert listing["listed"] is False
        queue = client.get("/admin/moderation", headers=admin.headers).json()
        assert [i["ambassador_id"] for i in queue] == [who.id]
        ledger = client.get("/me/consents", headers=who.headers).json()
        assert [(c["scope"], c["granted"], c["actor"]) for c in ledger] == [
            ("listing", True, "self")
        ]

    def test_approval_lists_with_only_consented_data(
        self, client: TestClient, app: FastAPI
    ) -> None:
        charter(app)
        who = person(app, name="Ana")
        admin = person(app, admin=True)
        add(client, who.headers, "ana-public", True)
        add(client, who.headers, "ana-private", False)
        client.put("/me/listing", json={"public": True}, headers=who.headers)
        after = last_event_id(client)
        resp = client.post(f"/admin/moderation/{who.id}/approve", headers=admin.headers)
        assert resp.json()["moderation"] == "approved"
        events = outbox(client, after)
        assert [e["type"] for e in events] == ["ambassador.public"]
        payload = events[0]["payload"]
        assert set(payload) == {
            "id", "display_name", "job_title", "location", "languages", "bio", "themes",
            "accounts", "listed_at",
        }  # fmt: skip
        assert [a["handle"] for a in payload["accounts"]] == ["ana-public"]
        assert client.get("/me", headers=who.headers).json()["listing"]["listed"] is True

    def test_withdrawal_unlists_at_once(self, client: TestClient, app: FastAPI) -> None:
        who = listed_person(app, client)
        after = last_event_id(client)
        resp = client.put("/me/listing", json={"public": False}, headers=who.headers)
        assert resp.json()["listing"] == {
            "public": False, "moderation": "none", "reason": None, "consented_at": None,
            "listed": False, "change": "none", "change_reason": None,
        }  # fmt: skip
        assert [e["type"] for e in outbox(client, after)] == ["ambassador.unlisted"]
        # nothing changed since the approval: listed again at once (test_public_changes.py)
        resp = client.put("/me/listing", json={"public": True}, headers=who.headers)
        assert resp.json()["listing"]["moderation"] == "approved"

    def test_account_consent_withdrawal_republishes(self, client: TestClient, app: FastAPI) -> None:
        who = listed_person(app, client)
        account_id = client.get("/me/accounts", headers=who.headers).json()[0]["id"]
        after = last_event_id(client)
        resp = client.put(
            f"/me/accounts/{account_id}/consent", json={"public": False}, headers=who.headers
        )
        assert resp.json()["public"] is False
        assert resp.json()["consented_at"] is None
        events = outbox(client, after)
        assert events[-1]["type"] == "ambassador.public"
        assert events[-1]["payload"]["accounts"] == []
        ledger = client.get("/me/consents", headers=who.headers).json()
        assert (ledger[0]["scope"], ledger[0]["granted"]) == ("account", False)
        assert ledger[0]["platform"] == "github"

    def test_pending_person_is_never_listed(self, client: TestClient, app: FastAPI) -> None:
        charter(app)
        who = person(app, accepted=False)
        admin = person(app, admin=True)
        client.put("/me/listing", json={"public": True}, headers=who.headers)
        after = last_event_id(client)
        client.post(f"/admin/moderation/{who.id}/approve", headers=admin.headers)
        assert outbox(client, after) == []
        client.post("/me/charter-acceptance", json={"version": 1}, headers=who.headers)
        assert [e["type"] for e in outbox(client, after)] == ["ambassador.public"]


class TestModeration:
    def test_reject_with_reason(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        admin = person(app, admin=True)
        client.put("/me/listing", json={"public": True}, headers=who.headers)
        resp = client.post(
            f"/admin/moderation/{who.id}/reject",
            json={"reason": "Please add a job title"},
            headers=admin.headers,
        )
        assert resp.status_code == 200
        assert resp.json()["reason"] == "Please add a job title"
        me = client.get("/me", headers=who.headers).json()
        assert me["listing"]["moderation"] == "rejected"
        assert client.get("/admin/moderation", headers=admin.headers).json() == []
        again = client.put("/me/listing", json={"public": True}, headers=who.headers)
        assert again.json()["listing"]["moderation"] == "pending"
        assert again.json()["listing"]["reason"] is None

    def test_refusals(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        admin = person(app, admin=True)
        url = f"/admin/moderation/{who.id}/approve"
        assert client.post(url).status_code == 401
        assert client.post(url, headers=who.headers).status_code == 403
        assert client.post(url, headers=admin.headers).status_code == 409
        missing = "/admin/moderation/00000000-0000-0000-0000-000000000000/approve"
        assert client.post(missing, headers=admin.headers).status_code == 404
        reject = f"/admin/moderation/{who.id}/reject"
        assert client.post(reject, json={"reason": ""}, headers=admin.headers).status_code == 422
