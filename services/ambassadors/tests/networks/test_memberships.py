"""Joining, requests, invitations, roles, leaving, removal and the ledger, through the API."""

from __future__ import annotations

from ambassadors_factories import outbox, person
from ambassadors_network_factories import member, network
from fastapi import FastAPI
from fastapi.testclient import TestClient


def _members(client: TestClient, slug: str, headers: dict[str, str]) -> dict[str, str]:
    resp = client.get(f"/networks/{slug}/members", headers=headers)
    assert resp.status_code == 200, resp.text
    return {m["display_name"]: m["role"] for m in resp.json()["items"]}


class TestJoin:
    def test_open_network_joins_at_once(self, client: TestClient, app: FastAPI) -> None:
        chair, ada = person(app, name="Chair"), person(app, name="Ada")
        slug = network(app, "Open", chair_id=chair.id)
        resp = client.post(f"/networks/{slug}/join", headers=ada.headers)  # no body needed
        assert resp.status_code == 200 and resp.json() == {
            "network_slug": slug, "status": "member", "role": "member",
        }  # fmt: skip
        assert _members(client, slug, ada.headers) == {"Ada": "member", "Chair": "chair"}
        again = client.post(f"/networks/{slug}/join", json={}, headers=ada.headers)
        assert again.status_code == 409
        last = outbox(client)[-1]
        assert last["type"] == "network.member" and last["payload"]["role"] == "member"

    def test_request_waits_for_the_committee(self, client: TestClient, app: FastAPI) -> None:
        chair, ada = person(app, name="Chair"), person(app, name="Ada")
        slug = network(app, "Asked", chair_id=chair.id, visibility="request")
        resp = client.post(f"/networks/{slug}/join", json={"note": "Hi"}, headers=ada.headers)
        assert resp.json()["status"] == "requested"
        assert client.get(f"/networks/{slug}/members", headers=ada.headers).status_code == 403
        waiting = client.get(f"/networks/{slug}/requests", headers=chair.headers).json()
        assert [(r["display_name"], r["note"]) for r in waiting["items"]] == [("Ada", "Hi")]
        path = f"/networks/{slug}/requests/{ada.id}"
        assert client.post(f"{path}/accept", headers=ada.headers).status_code == 403
        assert client.post(f"{path}/accept", headers=chair.headers).status_code == 200
        assert client.post(f"{path}/accept", headers=chair.headers).status_code == 404
        assert _members(client, slug, ada.headers) == {"Ada": "member", "Chair": "chair"}

    def test_declined_request(self, client: TestClient, app: FastAPI) -> None:
        chair, ada = person(app), person(app)
        slug = network(app, "Asked", chair_id=chair.id, visibility="request")
        client.post(f"/networks/{slug}/join", json={}, headers=ada.headers)
        path = f"/networks/{slug}/requests/{ada.id}/decline"
        assert client.post(path, headers=chair.headers).status_code == 204
        assert client.get(f"/networks/{slug}/requests", headers=chair.headers).json()["items"] == []

    def test_invitation_only_is_refused(self, client: TestClient, app: FastAPI) -> None:
        chair, ada = person(app), person(app)
        slug = network(app, "Closed", chair_id=chair.id, visibility="invitation")
        # it does not even exist for her
        assert (
            client.post(f"/networks/{slug}/join", json={}, headers=ada.headers).status_code == 404
        )

    def test_unconfirmed_people_take_no_part(self, client: TestClient, app: FastAPI) -> None:
        chair, unverified = person(app), person(app, verified=False)
        slug = network(app, "Open", chair_id=chair.id)
        resp = client.post(f"/networks/{slug}/join", json={}, headers=unverified.headers)
        assert resp.status_code == 403
        invite = client.post(
            f"/networks/{slug}/invitations", json={"ambassador_id": unverified.id},
            headers=chair.headers,
        )  # fmt: skip
        assert invite.status_code == 409


class TestInvitations:
    def test_invite_accept_decline_withdraw(self, client: TestClient, app: FastAPI) -> None:
        chair, ada, bob, cyd = person(app), person(app, name="Ada"), person(app), person(app)
        slug = network(app, "Closed", chair_id=chair.id, visibility="invitation")
        base = f"/networks/{slug}/invitations"
        for who in (ada, bob, cyd):
            resp = client.post(base, json={"ambassador_id": who.id}, headers=chair.headers)
            assert resp.status_code == 201, resp.text
            assert resp.json()["status"] == "invited"
        dup = client.post(base, json={"ambassador_id": ada.id}, headers=chair.headers)
        assert dup.status_code == 409
        listed = client.get(base, headers=chair.headers).json()["items"]
        assert len(listed) == 3
        accepted = client.post(f"/networks/{slug}/invitation/accept", headers=ada.headers)
        assert accepted.status_code == 200 and accepted.json()["status"] == "member"
        declined = client.post(f"/networks/{slug}/invitation/decline", headers=bob.headers)
        assert declined.status_code == 204
        assert client.get(f"/networks/{slug}", headers=bob.headers).status_code == 404
        assert client.delete(f"{base}/{cyd.id}", headers=chair.headers).status_code == 204
        assert client.delete(f"{base}/{cyd.id}", headers=chair.headers).status_code == 404
        assert client.get(f"/networks/{slug}", headers=cyd.headers).status_code == 404

    def test_inviting_someone_who_asked_accepts(self, client: TestClient, app: FastAPI) -> None:
        chair, ada = person(app), person(app, name="Ada")
        slug = network(app, "Asked", chair_id=chair.id, visibility="request")
        client.post(f"/networks/{slug}/join", json={}, headers=ada.headers)
        resp = client.post(
            f"/networks/{slug}/invitations", json={"ambassador_id": ada.id}, headers=chair.headers
        )
        assert resp.status_code == 201 and resp.json()["status"] == "member"


class TestRoles:
    def test_chair_names_committee(self, client: TestClient, app: FastAPI) -> None:
        chair, ada = person(app, name="Chair"), person(app, name="Ada")
        slug = network(app, "Net", chair_id=chair.id)
        member(app, slug, ada.id)
        path = f"/networks/{slug}/members/{ada.id}/role"
        assert client.put(path, json={"role": "committee"}, headers=ada.headers).status_code == 403
        resp = client.put(path, json={"role": "committee"}, headers=chair.headers)
        assert resp.status_code == 200 and resp.json()["role"] == "committee"
        assert client.put(path, json={"role": "chair"}, headers=chair.headers).status_code == 403
        assert client.put(path, json={"role": "boss"}, headers=chair.headers).status_code == 422
        history = client.get(f"/networks/{slug}/history", headers=ada.headers).json()["items"]
        latest = history[0]
        got = (latest["display_name"], latest["from_role"], latest["to_role"], latest["reason"])
        assert got == ("Ada", "member", "committee", "appointed")
        assert history[0]["actor_name"] == "Chair"
        event = outbox(client)[-1]["payload"]
        assert (event["person_id"], event["role"]) == (ada.id, "committee")

    def test_last_chair_stays(self, client: TestClient, app: FastAPI) -> None:
        admin, chair = person(app, admin=True), person(app)
        slug = network(app, "Net", chair_id=chair.id)
        path = f"/networks/{slug}/members/{chair.id}"
        role = client.put(f"{path}/role", json={"role": "member"}, headers=admin.headers)
        assert role.status_code == 409
        assert client.post(f"/networks/{slug}/leave", headers=chair.headers).status_code == 409
        assert client.delete(path, headers=admin.headers).status_code == 409

    def test_committee_removes_members_not_chairs(self, client: TestClient, app: FastAPI) -> None:
        chair, com, ada = person(app), person(app), person(app, name="Ada")
        slug = network(app, "Net", chair_id=chair.id)
        member(app, slug, com.id, "committee")
        member(app, slug, ada.id)
        base = f"/networks/{slug}/members"
        assert client.delete(f"{base}/{chair.id}", headers=com.headers).status_code == 403
        assert client.delete(f"{base}/{com.id}", headers=com.headers).status_code == 403
        assert client.delete(f"{base}/{ada.id}", headers=com.headers).status_code == 204
        assert client.delete(f"{base}/{ada.id}", headers=com.headers).status_code == 404
        assert client.delete(f"{base}/{com.id}", headers=chair.headers).status_code == 204
        event = outbox(client)[-1]["payload"]
        assert (event["person_id"], event["role"]) == (com.id, None)


class TestLeave:
    def test_leave(self, client: TestClient, app: FastAPI) -> None:
        chair, ada = person(app), person(app)
        slug = network(app, "Net", chair_id=chair.id)
        member(app, slug, ada.id)
        assert client.post(f"/networks/{slug}/leave", headers=ada.headers).status_code == 204
        assert client.post(f"/networks/{slug}/leave", headers=ada.headers).status_code == 403
        history = client.get(f"/networks/{slug}/history", headers=chair.headers).json()["items"]
        assert (history[0]["reason"], history[0]["to_role"]) == ("left", None)


class TestTwoNetworks:
    def test_chair_of_a_has_no_power_in_b(self, client: TestClient, app: FastAPI) -> None:
        chair_a, chair_b, ada = person(app), person(app), person(app)
        a = network(app, "A", chair_id=chair_a.id)
        b = network(app, "B", chair_id=chair_b.id)
        member(app, b, ada.id)
        resp = client.put(
            f"/networks/{b}/members/{ada.id}/role", json={"role": "committee"},
            headers=chair_a.headers,
        )  # fmt: skip
        assert resp.status_code == 403
        assert client.get(f"/networks/{b}/requests", headers=chair_a.headers).status_code == 403
        assert client.get(f"/networks/{a}/requests", headers=chair_a.headers).status_code == 200


class TestErasure:
    def test_erased_member_leaves_every_network(self, client: TestClient, app: FastAPI) -> None:
        from ambassadors_factories import PASSWORD

        chair, ada = person(app), person(app, name="Ada Erased")
        slug = network(app, "Net", chair_id=chair.id)
        member(app, slug, ada.id, "committee")
        resp = client.request("DELETE", "/me", json={"password": PASSWORD}, headers=ada.headers)
        assert resp.status_code == 204
        assert _members(client, slug, chair.headers) == {"Jane Doe": "chair"}
        events = outbox(client)
        assert all("Ada Erased" not in str(e["payload"]) for e in events)
        last = events[-1]
        assert last["type"] == "network.member"
        assert last["payload"] == {
            "network_id": last["payload"]["network_id"], "person_id": ada.id,
            "display_name": "", "role": None,
        }  # fmt: skip


class TestSuspended:
    def test_a_suspended_person_cannot_be_invited(self, client: TestClient, app: FastAPI) -> None:
        admin, chair, ada = person(app, admin=True), person(app), person(app, name="Ada")
        slug = network(app, "Net", chair_id=chair.id)
        resp = client.post(
            f"/admin/ambassadors/{ada.id}/suspend", json={"reason": "Tests"}, headers=admin.headers
        )
        assert resp.status_code == 200, resp.text
        invite = client.post(
            f"/networks/{slug}/invitations", json={"ambassador_id": ada.id}, headers=chair.headers
        )
        assert invite.status_code == 409 and "suspended" in invite.json()["detail"]
        assert client.post(f"/networks/{slug}/join", headers=ada.headers).status_code == 403
