"""Who may join: allowed domains, a confirmed address before anything internal, the same answer
whatever the address, and an unconfirmed claim never blocks the address's real owner."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest
from ambassadors_factories import (
    PASSWORD,
    dropped_mail,
    link_in,
    make_settings,
    person,
    service_headers,
    session_of,
)
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from relais_ambassadors.config import DEMO_DOMAIN
from relais_ambassadors.mail.service import REDACTED
from relais_ambassadors.main import create_app
from relais_ambassadors.models import Ambassador, Base, EmailVerification
from relais_common.db import utcnow
from relais_common.testing import empty_tables, identity_headers
from sqlalchemy import select, update

# other apps, threads or connections read this module's writes: committed, tables emptied
pytestmark = pytest.mark.committed

UNVERIFIED_TYPE = "https://relais.dev/problems/email-unverified"


PW = "long enough pw"


def signup(client: TestClient, email: str, password: str = PW, **kw: str) -> Response:
    body = {"email": email, "password": password, "display_name": "Jane", "locale": "en", **kw}
    return client.post("/signup", json=body)


def sign_in(client: TestClient, email: str, password: str) -> dict[str, str] | int:
    """The gateway's sign-in: identity headers with the roles ambassadors gives, or the status."""
    body = {"email": email, "password": password, "client_ip": "10.0.0.1"}
    resp = client.post("/internal/auth/check", json=body, headers=service_headers())
    if resp.status_code != 200:
        return resp.status_code
    data = resp.json()
    now_ms = time.time_ns() // 1_000_000 + 1
    return identity_headers(data["user_id"], set(data["roles"]), signed_in_ms=now_ms)


def verification_token(app: FastAPI, email: str) -> str:
    mail = next(m for m in dropped_mail(app, email) if "/app/verify-email/" in m.get_content())
    return link_in(mail, "verify-email")


class TestDomains:
    def test_only_allowed_domains_sign_up_by_themselves(
        self, client: TestClient, app: FastAPI
    ) -> None:
        assert signup(client, "jane@example.com").status_code == 202
        resp = client.post(
            "/signup",
            json={"email": "jane@gmail.com", "password": "long enough pw", "display_name": "J"},
        )
        assert resp.status_code == 403
        assert resp.json()["type"] == "https://relais.dev/problems/signup-closed"
        assert resp.headers["content-type"] == "application/problem+json"
        with session_of(app) as session:
            assert session.scalars(select(Ambassador.email)).all() == ["jane@example.com"]
        assert dropped_mail(app, "jane@gmail.com") == []

    def test_empty_means_invitation_only(self, database_url: str, tmp_path: Path) -> None:
        settings = make_settings(database_url, tmp_path, signup_domains="")
        app = create_app(settings)
        try:
            with TestClient(app) as client:
                resp = signup(client, "jane@example.com")
                assert resp.status_code == 403
                assert "invitation" in resp.json()["detail"]
        finally:
            empty_tables(app.state.engine, Base.metadata)
            app.state.engine.dispose()

    def test_defaults(self, database_url: str, tmp_path: Path) -> None:
        dev = make_settings(database_url, tmp_path, signup_domains=None, env="development")
        assert dev.allowed_signup_domains == {DEMO_DOMAIN}  # `make run`: the demo company
        prod = make_settings(
            database_url,
            tmp_path,
            signup_domains=None,
            env="production",
            internal_secret="x" * 40,
            password_hashing="standard",
        )
        assert prod.allowed_signup_domains == frozenset()
        listed = make_settings(database_url, tmp_path, signup_domains=" Corp.example, @b.example,")
        assert listed.allowed_signup_domains == {"corp.example", "b.example"}


class TestVerification:
    def test_nothing_internal_before_the_link(self, client: TestClient, app: FastAPI) -> None:
        insider = person(app, name="Hidden Person")  # not listed: internal directory only
        assert signup(client, "new@example.com").status_code == 202
        headers = sign_in(client, "new@example.com", "long enough pw")
        assert isinstance(headers, dict)
        me = client.get("/me", headers=headers)
        assert me.status_code == 200
        assert me.json()["roles"] == ["unverified"]
        refused = client.get("/directory", headers=headers)
        assert refused.status_code == 403
        assert refused.json()["type"] == UNVERIFIED_TYPE
        assert insider.email not in refused.text
        # their own data stays theirs: edit, export
        patch = client.patch(
            "/me", json={"bio": "Hello"}, headers={**headers, "If-Match": me.headers["ETag"]}
        )
        assert patch.status_code == 200, patch.text
        assert client.get("/me/export", headers=headers).status_code == 200

        token = verification_token(app, "new@example.com")
        assert client.post(f"/email-verifications/{token}").status_code == 204
        # the same session sees the directory at once (checked in the database, not the token)
        listing = client.get("/directory", headers=headers)
        assert listing.status_code == 200, listing.text
        assert "Hidden Person" in listing.text
        assert client.get("/me", headers=headers).json()["roles"] == ["ambassador"]
        again = client.post(f"/email-verifications/{token}")
        assert again.status_code == 410

    def test_unknown_and_expired_links(self, client: TestClient, app: FastAPI) -> None:
        assert client.post("/email-verifications/no-such-token-at-all").status_code == 404
        signup(client, "late@example.com")
        token = verification_token(app, "late@example.com")
        with session_of(app) as session, session.begin():
            session.execute(
                update(EmailVerification).values(expires_at=utcnow() - timedelta(seconds=1))
            )
        expired = client.post(f"/email-verifications/{token}")
        assert expired.status_code == 410
        assert "expired" in expired.json()["detail"]

    def test_only_the_hash_is_stored(self, client: TestClient, app: FastAPI) -> None:
        signup(client, "hash@example.com")
        token = verification_token(app, "hash@example.com")
        with session_of(app) as session:
            stored = session.scalars(select(EmailVerification.token_hash)).one()
        assert token not in stored and len(stored) == 64

    def test_resend_within_a_quota(self, client: TestClient, app: FastAPI) -> None:
        signup(client, "again@example.com")
        headers = sign_in(client, "again@example.com", "long enough pw")
        assert isinstance(headers, dict)
        first = verification_token(app, "again@example.com")
        resp = client.post("/me/email-verification", headers=headers)
        assert resp.status_code == 202
        assert verification_token(app, "again@example.com") != first
        assert client.post("/me/email-verification", headers=headers).status_code == 202
        flood = client.post("/me/email-verification", headers=headers)
        assert flood.status_code == 429  # AMBASSADORS_VERIFICATION_MAX_PER_HOUR = 3
        assert len(dropped_mail(app, "again@example.com")) == 3
        assert client.post(f"/email-verifications/{first}").status_code == 204  # any live link
        done = client.post("/me/email-verification", headers=headers)
        assert done.status_code == 409

    def test_mail_in_the_persons_language(self, client: TestClient, app: FastAPI) -> None:
        signup(client, "fr@example.com", display_name="Léa", locale="fr")
        signup(client, "en@example.com", display_name="Kenji", locale="en")
        (fr,) = dropped_mail(app, "fr@example.com")
        (en,) = dropped_mail(app, "en@example.com")
        assert fr["Subject"] == "Relais : confirmez votre adresse e-mail"
        assert fr.get_content().startswith("Bonjour Léa,")
        assert en["Subject"] == "Relais: confirm your e-mail address"
        assert en.get_content().startswith("Hello Kenji,")

    def test_the_admin_mailbox_never_shows_the_link(self, client: TestClient, app: FastAPI) -> None:
        signup(client, "secret@example.com")
        token = verification_token(app, "secret@example.com")
        admin = person(app, admin=True)
        mailbox = client.get("/admin/mailbox", headers=admin.headers)
        assert token not in mailbox.text
        (mail,) = mailbox.json()["items"]
        assert (mail["kind"], mail["status"]) == ("verification", "stored")
        assert REDACTED in mail["body_text"]


class TestSameAnswer:
    def test_new_unverified_and_verified_addresses_get_the_same_answer(
        self, client: TestClient, app: FastAPI
    ) -> None:
        owner = person(app, email="owner@example.com", name="Owner")
        new = signup(client, "fresh@example.com")
        unverified = signup(client, "fresh@example.com", password="another long pw")
        verified = signup(client, "owner@example.com", password="an attacker's pw")
        answers = [(r.status_code, r.json()) for r in (new, unverified, verified)]
        assert answers[0] == answers[1] == answers[2]
        assert answers[0][0] == 202
        # the owner's account is untouched, and told about the attempt
        assert isinstance(sign_in(client, owner.email, PASSWORD), dict)
        assert sign_in(client, owner.email, "an attacker's pw") == 401
        (notice,) = dropped_mail(app, owner.email)
        assert notice["Subject"].startswith("Relais : quelqu")  # the owner's language
        assert "inscrire avec votre adresse" in notice["Subject"]
        assert "/app/verify-email/" not in notice.get_content()

    def test_the_notice_is_not_a_mail_flood(self, client: TestClient, app: FastAPI) -> None:
        owner = person(app, email="owner@example.com")
        for _ in range(6):
            assert signup(client, owner.email).status_code == 202
        assert len(dropped_mail(app, owner.email)) == 3


class TestRealOwner:
    def test_a_second_sign_up_takes_an_unconfirmed_address_back(
        self, client: TestClient, app: FastAPI
    ) -> None:
        signup(client, "boss@example.com", password="squatter password", display_name="Squat")
        squatter = sign_in(client, "boss@example.com", "squatter password")
        assert isinstance(squatter, dict)
        me = client.get("/me", headers=squatter)
        client.patch(
            "/me", json={"bio": "Not me"}, headers={**squatter, "If-Match": me.headers["ETag"]}
        )
        stale = verification_token(app, "boss@example.com")

        time.sleep(0.01)
        signup(client, "boss@example.com", password="the owner's own pw", display_name="Boss")
        assert sign_in(client, "boss@example.com", "squatter password") == 401
        assert client.get("/me", headers=squatter).status_code == 401  # signed out
        assert client.post(f"/email-verifications/{stale}").status_code == 410
        token = verification_token(app, "boss@example.com")
        assert client.post(f"/email-verifications/{token}").status_code == 204
        owner = sign_in(client, "boss@example.com", "the owner's own pw")
        assert isinstance(owner, dict)
        profile = client.get("/me", headers=owner).json()
        assert (profile["display_name"], profile["bio"]) == ("Boss", "")
        assert profile["roles"] == ["ambassador"]

    def test_no_reset_of_a_claim_when_no_link_can_go_out(
        self, client: TestClient, app: FastAPI
    ) -> None:
        """Over the hourly quota, a new sign-up changes nothing (the same answer, no mail)."""
        signup(client, "busy@example.com", password="first claim pw")
        for n in range(2):
            signup(client, "busy@example.com", password=f"claim number {n}")
        assert len(dropped_mail(app, "busy@example.com")) == 3  # the quota
        late = signup(client, "busy@example.com", password="one claim too many")
        assert late.status_code == 202
        assert sign_in(client, "busy@example.com", "one claim too many") == 401
        assert isinstance(sign_in(client, "busy@example.com", "claim number 1"), dict)
        token = verification_token(app, "busy@example.com")
        assert client.post(f"/email-verifications/{token}").status_code == 204

    def test_an_invitation_takes_an_unconfirmed_address_back(
        self, client: TestClient, app: FastAPI
    ) -> None:
        from ambassadors_factories import token_from_mailbox

        signup(client, "invitee@example.com", password="squatter password")
        admin = person(app, admin=True)
        resp = client.post(
            "/invitations", json={"email": "invitee@example.com"}, headers=admin.headers
        )
        assert resp.status_code == 201, resp.text
        token = token_from_mailbox(client, admin.headers)
        accepted = client.post(
            f"/invitations/{token}/accept", json={"password": "invited person pw"}
        )
        assert accepted.status_code == 201, accepted.text
        assert accepted.json()["roles"] == ["ambassador"]  # the link proved the address
        assert sign_in(client, "invitee@example.com", "squatter password") == 401
        assert isinstance(sign_in(client, "invitee@example.com", "invited person pw"), dict)

    def test_a_password_reset_proves_the_address(self, client: TestClient, app: FastAPI) -> None:
        signup(client, "forgot@example.com", password="squatter password")
        client.post("/password-resets", json={"email": "forgot@example.com"})
        reset = next(
            m
            for m in dropped_mail(app, "forgot@example.com")
            if "/app/reset-password/" in m.get_content()
        )
        token = link_in(reset, "reset-password")
        assert (
            client.post(
                f"/password-resets/{token}", json={"password": "owner new pw 1"}
            ).status_code
            == 204
        )
        assert sign_in(client, "forgot@example.com", "squatter password") == 401
        owner = sign_in(client, "forgot@example.com", "owner new pw 1")
        assert isinstance(owner, dict)
        assert client.get("/directory", headers=owner).status_code == 200
