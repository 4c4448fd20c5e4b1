from datetime import timedelta

from ambassadors_factories import (
    department,
    invite,
    person,
    token_from_mailbox,
)
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.models import Invitation
from relais_common.db import utcnow
from sqlalchemy import update


class TestInvite:
    def test_roles(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        body = {"email": "x@example.com"}
        assert client.post("/invitations", json=body).status_code == 401
        assert client.post("/invitations", json=body, headers=who.headers).status_code == 403
        assert client.get("/invitations", headers=who.headers).status_code == 403
        assert client.get("/admin/mailbox", headers=who.headers).status_code == 403

    def test_invite_writes_a_mail_with_the_link(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        dept = department(app, "Sales")
        created = invite(
            client, admin.headers, display_name="Léa", department_id=dept, location="Nantes"
        )
        assert created["status"] == "pending"
        mailbox = client.get("/admin/mailbox", headers=admin.headers).json()["items"]
        assert [(m["to"], m["status"]) for m in mailbox] == [("new@example.com", "stored")]
        token = token_from_mailbox(client, admin.headers)
        public = client.get(f"/invitations/{token}").json()
        assert public["display_name"] == "Léa"
        assert public["department"]["name"] == "Sales"
        listing = client.get("/invitations", headers=admin.headers).json()
        assert [i["email"] for i in listing["items"]] == ["new@example.com"]

    def test_duplicates_and_bad_input(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True, email="boss@example.com")
        invite(client, admin.headers)
        again = client.post(
            "/invitations", json={"email": "NEW@example.com"}, headers=admin.headers
        )
        assert again.status_code == 409
        member = client.post(
            "/invitations", json={"email": "boss@example.com"}, headers=admin.headers
        )
        assert member.status_code == 409
        bad = client.post("/invitations", json={"email": "not-an-email"}, headers=admin.headers)
        assert bad.status_code == 422
        dept = client.post(
            "/invitations",
            json={"email": "x@example.com", "department_id": "nope"},
            headers=admin.headers,
        )
        assert dept.status_code == 422


class TestAccept:
    def test_accept_creates_the_account_once(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        dept = department(app, "HR")
        invite(client, admin.headers, display_name="Léa", department_id=dept)
        token = token_from_mailbox(client, admin.headers)
        resp = client.post(f"/invitations/{token}/accept", json={"password": "a good password"})
        assert resp.status_code == 201, resp.text
        me = resp.json()
        assert (me["email"], me["display_name"]) == ("new@example.com", "Léa")
        assert me["department"]["id"] == dept
        again = client.post(f"/invitations/{token}/accept", json={"password": "a good password"})
        assert again.status_code == 410
        assert client.get(f"/invitations/{token}").status_code == 410

    def test_unknown_expired_and_weak_password(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        assert client.get("/invitations/nope").status_code == 404
        invite(client, admin.headers)
        token = token_from_mailbox(client, admin.headers)
        weak = client.post(f"/invitations/{token}/accept", json={"password": "short"})
        assert weak.status_code == 422
        with app.state.sessionmaker.begin() as session:
            session.execute(update(Invitation).values(expires_at=utcnow() - timedelta(days=1)))
        assert client.get(f"/invitations/{token}").status_code == 410


class TestWithdrawAndResend:
    def test_a_withdrawn_link_stops_working_and_the_person_can_be_invited_again(
        self, client: TestClient, app: FastAPI
    ) -> None:
        admin = person(app, admin=True)
        invitation = invite(client, admin.headers, email="typo@exmaple.com")
        token = token_from_mailbox(client, admin.headers)
        withdrawn = client.post(f"/invitations/{invitation['id']}/revoke", headers=admin.headers)
        assert withdrawn.status_code == 200, withdrawn.text
        assert withdrawn.json()["status"] == "revoked"
        again = client.post(f"/invitations/{invitation['id']}/revoke", headers=admin.headers)
        assert again.json()["status"] == "revoked"  # idempotent
        gone = client.get(f"/invitations/{token}")
        assert gone.status_code == 410
        assert "withdrawn" in gone.json()["detail"]
        accept = client.post(f"/invitations/{token}/accept", json={"password": "a good password"})
        assert accept.status_code == 410
        assert invite(client, admin.headers, email="typo@exmaple.com")["status"] == "pending"

    def test_resending_gives_a_new_link_and_date_and_voids_the_old_one(
        self, client: TestClient, app: FastAPI
    ) -> None:
        admin = person(app, admin=True)
        invitation = invite(client, admin.headers)
        old = token_from_mailbox(client, admin.headers)
        with app.state.sessionmaker.begin() as session:
            session.execute(update(Invitation).values(expires_at=utcnow() - timedelta(days=1)))
        listed = client.get("/invitations", headers=admin.headers).json()["items"]
        assert listed[0]["status"] == "expired"
        resent = client.post(f"/invitations/{invitation['id']}/resend", headers=admin.headers)
        assert resent.status_code == 200, resent.text
        assert resent.json()["status"] == "pending"
        assert resent.json()["expires_at"] > utcnow().isoformat()
        new = token_from_mailbox(client, admin.headers)
        assert new != old
        assert client.get(f"/invitations/{old}").status_code == 404
        ok = client.post(f"/invitations/{new}/accept", json={"password": "a good password"})
        assert ok.status_code == 201

    def test_accepted_and_unknown_invitations(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        invitation = invite(client, admin.headers)
        token = token_from_mailbox(client, admin.headers)
        client.post(f"/invitations/{token}/accept", json={"password": "a good password"})
        for action in ("revoke", "resend"):
            resp = client.post(f"/invitations/{invitation['id']}/{action}", headers=admin.headers)
            assert resp.status_code == 409, action
            assert "already accepted" in resp.json()["detail"]
            missing = client.post(f"/invitations/nope/{action}", headers=admin.headers)
            assert missing.status_code == 404
