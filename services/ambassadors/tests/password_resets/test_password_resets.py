"""Forgotten and changed passwords: single-use links by mail, and sign-out everywhere."""

from __future__ import annotations

import time
from datetime import timedelta

from ambassadors_factories import (
    PASSWORD,
    dropped_mail,
    link_in,
    person,
    service_headers,
    session_of,
)
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.models import Ambassador, LoginFailure, PasswordReset
from relais_common.db import utcnow
from relais_common.testing import identity_headers
from sqlalchemy import select, update

NEW = "a brand new passphrase"


def reset_link(client: TestClient, app: FastAPI, email: str) -> str:
    """Ask for a link and read it in the mailbox, as the person would in their inbox."""
    resp = client.post("/password-resets", json={"email": email})
    assert resp.status_code == 202, resp.text
    mail = dropped_mail(app)[0]
    assert mail["To"] == email.strip().lower()
    assert "https://relais.example/app/reset-password/" in mail.get_content()
    return link_in(mail, "reset-password")


def sign_in(client: TestClient, email: str, password: str) -> int:
    body = {"email": email, "password": password, "client_ip": "10.0.0.1"}
    return client.post("/internal/auth/check", json=body, headers=service_headers()).status_code


def fresh_session(user_id: str) -> dict[str, str]:
    return identity_headers(user_id, {"ambassador"}, signed_in_ms=time.time_ns() // 1_000_000)


class TestForgottenPassword:
    def test_the_link_sets_a_new_password_once(self, client: TestClient, app: FastAPI) -> None:
        jane = person(app, email="jane@example.com")
        token = reset_link(client, app, "Jane@Example.com ")
        assert client.get(f"/password-resets/{token}").status_code == 200
        assert client.post(f"/password-resets/{token}", json={"password": NEW}).status_code == 204
        assert sign_in(client, jane.email, PASSWORD) == 401
        assert sign_in(client, jane.email, NEW) == 200
        again = client.post(f"/password-resets/{token}", json={"password": "yet another one"})
        assert again.status_code == 410
        assert "already used" in again.json()["detail"]
        assert client.get(f"/password-resets/{token}").status_code == 410

    def test_the_answer_never_tells_whether_an_account_exists(
        self, client: TestClient, app: FastAPI
    ) -> None:
        person(app, email="known@example.com")
        known = client.post("/password-resets", json={"email": "known@example.com"})
        unknown = client.post("/password-resets", json={"email": "nobody@example.com"})
        assert (known.status_code, known.json()) == (unknown.status_code, unknown.json())
        admin = person(app, admin=True)
        mails = client.get("/admin/mailbox", headers=admin.headers).json()["items"]
        assert [m["to"] for m in mails] == ["known@example.com"]

    def test_a_few_links_per_hour_at_most(self, client: TestClient, app: FastAPI) -> None:
        person(app, email="flood@example.com")
        for _ in range(5):
            assert client.post("/password-resets", json={"email": "flood@example.com"}).is_success
        admin = person(app, admin=True)
        mails = client.get("/admin/mailbox", headers=admin.headers).json()["items"]
        assert len(mails) == 3  # AMBASSADORS_RESET_MAX_PER_HOUR

    def test_mail_in_the_persons_language(self, client: TestClient, app: FastAPI) -> None:
        fr = person(app, email="fr@example.com", name="Léa")
        en = person(app, email="en@example.com", name="Kenji")
        with session_of(app) as session, session.begin():
            session.execute(update(Ambassador).where(Ambassador.id == en.id).values(locale="en"))
        for who in (fr, en):
            client.post("/password-resets", json={"email": who.email})
        admin = person(app, admin=True)
        mails = {
            m["to"]: m for m in client.get("/admin/mailbox", headers=admin.headers).json()["items"]
        }
        assert mails["fr@example.com"]["subject"].startswith("Relais : choisissez")
        assert mails["fr@example.com"]["body_text"].startswith("Bonjour Léa,")
        assert mails["en@example.com"]["subject"] == "Relais: choose a new password"
        assert mails["en@example.com"]["body_text"].startswith("Hello Kenji,")

    def test_expired_unknown_and_weak(self, client: TestClient, app: FastAPI) -> None:
        person(app, email="late@example.com")
        token = reset_link(client, app, "late@example.com")
        weak = client.post(f"/password-resets/{token}", json={"password": "short"})
        assert weak.status_code == 422
        assert weak.json()["errors"][0]["field"] == "password"
        with session_of(app) as session, session.begin():
            session.execute(
                update(PasswordReset).values(expires_at=utcnow() - timedelta(seconds=1))
            )
        expired = client.post(f"/password-resets/{token}", json={"password": NEW})
        assert expired.status_code == 410
        assert "expired" in expired.json()["detail"]
        assert client.get("/password-resets/not-a-real-token").status_code == 404
        assert client.post("/password-resets", json={"email": "not an address"}).status_code == 422

    def test_suspended_people_get_no_link(self, client: TestClient, app: FastAPI) -> None:
        gone = person(app, email="suspended@example.com")
        with session_of(app) as session, session.begin():
            session.execute(
                update(Ambassador).where(Ambassador.id == gone.id).values(suspended_at=utcnow())
            )
        assert client.post("/password-resets", json={"email": gone.email}).status_code == 202
        admin = person(app, admin=True)
        assert client.get("/admin/mailbox", headers=admin.headers).json()["items"] == []

    def test_a_reset_lifts_the_sign_in_lock_and_voids_other_links(
        self, client: TestClient, app: FastAPI
    ) -> None:
        locked = person(app, email="locked@example.com")
        for _ in range(5):
            sign_in(client, locked.email, "wrong password")
        assert sign_in(client, locked.email, PASSWORD) == 429
        first = reset_link(client, app, locked.email)
        second = reset_link(client, app, locked.email)
        assert client.post(f"/password-resets/{second}", json={"password": NEW}).status_code == 204
        assert sign_in(client, locked.email, NEW) == 200
        with session_of(app) as session:
            assert session.scalars(select(LoginFailure)).all() == []
        assert client.post(f"/password-resets/{first}", json={"password": NEW}).status_code == 410

    def test_only_the_hash_is_stored_and_erasure_forgets_links(
        self, client: TestClient, app: FastAPI
    ) -> None:
        jane = person(app, email="hash@example.com")
        token = reset_link(client, app, jane.email)
        with session_of(app) as session:
            stored = session.scalars(select(PasswordReset.token_hash)).all()
        assert len(stored) == 1 and token not in stored[0]
        export = client.get("/me/export", headers=jane.headers).json()
        assert len(export["password_resets"]) == 1
        assert "token_hash" not in export["password_resets"][0]
        erase = client.request("DELETE", "/me", json={"password": PASSWORD}, headers=jane.headers)
        assert erase.status_code == 204
        with session_of(app) as session:
            assert session.scalars(select(PasswordReset)).all() == []


class TestSignOutEverywhere:
    def test_a_reset_ends_every_earlier_session(self, client: TestClient, app: FastAPI) -> None:
        jane = person(app, email="sessions@example.com")
        earlier = fresh_session(jane.id)
        assert client.get("/me", headers=earlier).status_code == 200
        token = reset_link(client, app, jane.email)
        time.sleep(0.002)
        assert client.post(f"/password-resets/{token}", json={"password": NEW}).status_code == 204
        refused = client.get("/me", headers=earlier)
        assert refused.status_code == 401
        assert "password was changed" in refused.json()["detail"]
        assert client.get("/directory", headers=earlier).status_code == 401
        time.sleep(0.002)
        assert client.get("/me", headers=fresh_session(jane.id)).status_code == 200

    def test_changing_ones_password(self, client: TestClient, app: FastAPI) -> None:
        jane = person(app, email="change@example.com")
        mine = fresh_session(jane.id)
        wrong = client.put(
            "/me/password", json={"current_password": "nope", "new_password": NEW}, headers=mine
        )
        assert wrong.status_code == 422
        assert wrong.json()["errors"] == [
            {"field": "current_password", "message": "This is not your current password."}
        ]
        same = client.put(
            "/me/password",
            json={"current_password": PASSWORD, "new_password": PASSWORD},
            headers=mine,
        )
        assert same.status_code == 422
        assert same.json()["errors"][0]["field"] == "new_password"
        assert client.get("/me", headers=mine).status_code == 200  # failures change nothing
        time.sleep(0.002)
        ok = client.put(
            "/me/password", json={"current_password": PASSWORD, "new_password": NEW}, headers=mine
        )
        assert ok.status_code == 204
        assert client.get("/me", headers=mine).status_code == 401
        assert sign_in(client, jane.email, PASSWORD) == 401
        assert sign_in(client, jane.email, NEW) == 200
        time.sleep(0.002)
        assert client.get("/me", headers=fresh_session(jane.id)).status_code == 200

    def test_signing_out_everywhere(self, client: TestClient, app: FastAPI) -> None:
        jane = person(app, email="everywhere@example.com")
        phone, laptop = fresh_session(jane.id), fresh_session(jane.id)
        time.sleep(0.002)
        assert client.post("/me/sessions/revoke", headers=laptop).status_code == 204
        for device in (phone, laptop):
            assert client.get("/me", headers=device).status_code == 401
        assert sign_in(client, jane.email, PASSWORD) == 200  # the password is unchanged
        time.sleep(0.002)
        assert client.get("/me", headers=fresh_session(jane.id)).status_code == 200
