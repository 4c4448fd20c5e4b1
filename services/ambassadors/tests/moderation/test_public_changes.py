"""Moderation of public changes: the approved version stays public until a change is approved.

Everything goes through the API; what the aggregator sees is read from the outbox feed.
"""

from typing import Any

from ambassadors_factories import Person, last_event_id, listed_person, outbox, person, theme
from fastapi import FastAPI
from fastapi.testclient import TestClient


def edit(client: TestClient, who: Person, body: dict[str, Any]) -> None:
    resp = client.patch("/me", json=body, headers={**who.headers, "If-Match": "*"})
    assert resp.status_code == 200, resp.text


def published(client: TestClient, after: int) -> dict[str, Any]:
    """The last payload the aggregator received after `after`."""
    events = [e for e in outbox(client, after) if e["type"] == "ambassador.public"]
    assert events, "no ambassador.public event"
    payload: dict[str, Any] = events[-1]["payload"]
    return payload


def queue(client: TestClient, admin: Person) -> list[dict[str, Any]]:
    resp = client.get("/admin/moderation", headers=admin.headers)
    assert resp.status_code == 200, resp.text
    items: list[dict[str, Any]] = resp.json()
    return items


def set_policy(client: TestClient, admin: Person, on: bool) -> None:
    tag = client.get("/admin/moderation/policy", headers=admin.headers).headers["ETag"]
    resp = client.put(
        "/admin/moderation/policy",
        json={"moderate_changes": on},
        headers={**admin.headers, "If-Match": tag},
    )
    assert resp.status_code == 200, resp.text


class TestChangesWaitForApproval:
    def test_bio_edit_keeps_the_approved_bio_public(self, client: TestClient, app: FastAPI) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        edit(client, who, {"bio": "Approved words"})
        client.post(f"/admin/moderation/{who.id}/approve", headers=admin.headers)
        after = last_event_id(client)
        edit(client, who, {"bio": "Unvetted words"})
        assert published(client, after)["bio"] == "Approved words"
        listing = client.get("/me", headers=who.headers).json()["listing"]
        assert (listing["listed"], listing["change"]) == (True, "pending")
        [item] = queue(client, admin)
        assert (item["kind"], item["bio"]) == ("change", "Unvetted words")
        assert item["changes"] == [
            {"field": "bio", "approved": "Approved words", "proposed": "Unvetted words"}
        ]
        count = client.get("/admin/moderation/count", headers=admin.headers).json()
        assert count == {"listings": 0, "changes": 1, "total": 1}
        after = last_event_id(client)
        resp = client.post(f"/admin/moderation/{who.id}/approve", headers=admin.headers)
        assert resp.status_code == 200, resp.text
        assert published(client, after)["bio"] == "Unvetted words"
        assert queue(client, admin) == []
        assert client.get("/me", headers=who.headers).json()["listing"]["change"] == "none"

    def test_new_public_account_and_theme_wait(self, client: TestClient, app: FastAPI) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        cloud = theme(app, "Cloud")
        after = last_event_id(client)
        body = {"platform": "github", "value": "second-octo", "public": True}
        assert client.post("/me/accounts", json=body, headers=who.headers).status_code == 201
        edit(client, who, {"theme_ids": [cloud]})
        payload = published(client, after)
        assert [a["handle"] for a in payload["accounts"]] == ["octocat"]
        assert payload["themes"] == []
        [item] = queue(client, admin)
        changes = {c["field"]: c for c in item["changes"]}
        assert changes["theme_ids"] == {"field": "theme_ids", "approved": [], "proposed": ["Cloud"]}
        assert len(changes["accounts"]["proposed"]) == 2
        assert [t["name"] for t in item["themes"]] == ["Cloud"]
        assert {a["handle"]: a["public"] for a in item["accounts"]} == {
            "octocat": True,
            "second-octo": True,
        }

    def test_editing_back_to_the_approved_value_clears_the_change(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        edit(client, who, {"location": "Brest"})
        assert len(queue(client, admin)) == 1
        edit(client, who, {"location": ""})
        assert queue(client, admin) == []


class TestThemesFollowTheCoreTeam:
    def test_renamed_theme_reaches_a_person_whose_removal_waits(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        cloud = theme(app, "Cloud")
        edit(client, who, {"theme_ids": [cloud]})
        client.post(f"/admin/moderation/{who.id}/approve", headers=admin.headers)
        edit(client, who, {"theme_ids": []})  # the removal waits for approval
        after = last_event_id(client)
        h = {**admin.headers, "If-Match": "*"}
        assert client.patch(f"/themes/{cloud}", json={"name": "Sky"}, headers=h).is_success
        assert published(client, after)["themes"] == [{"slug": "sky", "name": "Sky"}]


class TestWithdrawalNeverWaits:
    def test_account_consent_withdrawal_is_public_at_once(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        edit(client, who, {"bio": "Pending"})
        account_id = client.get("/me/accounts", headers=who.headers).json()[0]["id"]
        after = last_event_id(client)
        resp = client.put(
            f"/me/accounts/{account_id}/consent", json={"public": False}, headers=who.headers
        )
        assert resp.status_code == 200
        payload = published(client, after)
        assert payload["accounts"] == []
        assert payload["bio"] == ""  # the bio change still waits
        [item] = queue(client, admin)
        assert [c["field"] for c in item["changes"]] == ["bio"]  # the withdrawal needs no approval

    def test_listing_withdrawal_unlists_at_once_even_with_a_pending_change(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        edit(client, who, {"bio": "Pending"})
        after = last_event_id(client)
        client.put("/me/listing", json={"public": False}, headers=who.headers)
        assert [e["type"] for e in outbox(client, after)] == ["ambassador.unlisted"]
        assert queue(client, admin) == []


class TestRelisting:
    def test_unchanged_relisting_needs_no_new_approval(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        client.put("/me/listing", json={"public": False}, headers=who.headers)
        after = last_event_id(client)
        resp = client.put("/me/listing", json={"public": True}, headers=who.headers)
        assert resp.json()["listing"]["listed"] is True
        assert [a["handle"] for a in published(client, after)["accounts"]] == ["octocat"]
        assert queue(client, admin) == []

    def test_changed_relisting_waits_and_shows_the_difference(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        client.put("/me/listing", json={"public": False}, headers=who.headers)
        edit(client, who, {"job_title": "Night owl"})
        after = last_event_id(client)
        resp = client.put("/me/listing", json={"public": True}, headers=who.headers)
        assert resp.json()["listing"]["moderation"] == "pending"
        assert outbox(client, after) == []
        [item] = queue(client, admin)
        assert item["kind"] == "listing"
        assert item["changes"] == [{"field": "job_title", "approved": "", "proposed": "Night owl"}]


class TestDecline:
    def test_declined_change_stays_off_the_page_and_out_of_the_queue(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        edit(client, who, {"bio": "Too salesy"})
        after = last_event_id(client)
        resp = client.post(
            f"/admin/moderation/{who.id}/reject", json={"reason": "Tone"}, headers=admin.headers
        )
        assert resp.status_code == 200, resp.text
        assert published(client, after)["bio"] == ""
        listing = client.get("/me", headers=who.headers).json()["listing"]
        assert (listing["change"], listing["change_reason"], listing["listed"]) == (
            "declined",
            "Tone",
            True,
        )
        # an unrelated republish (a suspension lifted) does not requeue the declined values
        client.post(
            f"/admin/ambassadors/{who.id}/suspend", json={"reason": "x"}, headers=admin.headers
        )
        client.post(f"/admin/ambassadors/{who.id}/reinstate", headers=admin.headers)
        assert queue(client, admin) == []
        edit(client, who, {"bio": "Plain words"})
        assert [i["bio"] for i in queue(client, admin)] == ["Plain words"]

    def test_nothing_waiting_is_409(self, client: TestClient, app: FastAPI) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        resp = client.post(f"/admin/moderation/{who.id}/approve", headers=admin.headers)
        assert resp.status_code == 409
        assert resp.headers["content-type"].startswith("application/problem+json")


class TestPolicy:
    def test_admins_turn_moderation_of_changes_off(self, client: TestClient, app: FastAPI) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        edit(client, who, {"bio": "Waiting"})
        after = last_event_id(client)
        set_policy(client, admin, False)
        assert published(client, after)["bio"] == "Waiting"  # what waited goes public
        after = last_event_id(client)
        edit(client, who, {"bio": "Live at once"})
        assert published(client, after)["bio"] == "Live at once"
        assert queue(client, admin) == []
        set_policy(client, admin, True)
        edit(client, who, {"bio": "Waits again"})
        assert [i["kind"] for i in queue(client, admin)] == ["change"]

    def test_policy_is_admin_only_and_needs_if_match(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = person(app)
        admin = person(app, admin=True)
        assert client.get("/admin/moderation/policy", headers=who.headers).status_code == 403
        resp = client.get("/admin/moderation/policy", headers=admin.headers)
        assert resp.json() == {"moderate_changes": True}
        body = {"moderate_changes": False}
        url = "/admin/moderation/policy"
        assert client.put(url, json=body, headers=admin.headers).status_code == 428
        stale = {**admin.headers, "If-Match": '"moderation-policy.0"'}
        assert client.put(url, json=body, headers=stale).status_code == 412
        ok = {**admin.headers, "If-Match": resp.headers["ETag"]}
        assert client.put(url, json=body, headers=ok).status_code == 200
        assert client.put(url, json=body, headers=ok).status_code == 412
