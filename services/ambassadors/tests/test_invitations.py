from datetime import timedelta

from ambassadors_factories import department, person
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.models import Invitation
from relais_common.db import utcnow
from sqlalchemy import update


def invite(client: TestClient, headers: dict[str, str], **body: object) -> dict[str, object]:
    resp = client.post("/invitations", json={"email": "new@example.com", **body}, headers=headers)
    assert resp.status_code == 201, resp.text
    data: dict[str, object] = resp.json()
    return data


def token_from_mailbox(client: TestClient, headers: dict[str, str]) -> str:
    items = client.get("/admin/mailbox", headers=headers).json()["items"]  # newest first
    link = next(line for line in items[0]["body_text"].splitlines() if "/app/invitations/" in line)
    assert link.startswith("https://relais.example/app/invitations/")
    return link.rsplit("/", 1)[-1]


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
