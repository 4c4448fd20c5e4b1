from pathlib import Path

import pytest
from ambassadors_factories import check, make_settings, outbox, person, service_headers, session_of
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.bootstrap import bootstrap
from relais_ambassadors.demo import DEMO_PASSWORD, DOMAIN, email_of, load_demo
from relais_ambassadors.models import Ambassador
from sqlalchemy import select

# other apps, threads or connections read this module's writes: committed, tables emptied
pytestmark = pytest.mark.committed


def roles(client: TestClient, email: str, password: str) -> list[str]:
    body = {"email": email, "password": password, "client_ip": "10.0.0.1"}
    resp = client.post("/internal/auth/check", json=body, headers=service_headers())
    found: list[str] = resp.json()["roles"]
    return found


class TestBootstrap:
    def test_generated_admin_is_remembered(
        self, app: FastAPI, client: TestClient, database_url: str, tmp_path: Path
    ) -> None:
        settings = make_settings(database_url, tmp_path)
        line = bootstrap(settings)
        email, password = line.removeprefix("Admin: ").split(" / ")
        assert email == "admin@relais.localhost"
        with session_of(app) as session:
            assert session.scalars(select(Ambassador.locale)).one() == "fr"
        secret = tmp_path / "admin-password.txt"
        assert secret.stat().st_mode & 0o777 == 0o600
        assert secret.read_text().strip() == password
        assert bootstrap(settings) == line  # idempotent, and still knows the password
        assert check(client, email, password) == 200
        assert roles(client, email, password) == ["admin", "ambassador"]  # verified
        assert outbox(client) == []  # nobody is listed yet: nothing to announce

    def test_admin_from_the_environment(
        self, app: FastAPI, client: TestClient, database_url: str, tmp_path: Path
    ) -> None:
        settings = make_settings(
            database_url,
            tmp_path,
            admin_email="Boss@Example.com",
            admin_password="s3cret-pass",
            admin_locale="en",
        )
        assert bootstrap(settings) == "Admin: boss@example.com / s3cret-pass"
        with session_of(app) as session:
            assert session.scalars(select(Ambassador.locale)).one() == "en"  # RELAIS_ADMIN_LOCALE
        assert bootstrap(settings) == "Admin: boss@example.com / s3cret-pass"
        assert not (tmp_path / "admin-password.txt").exists()
        assert check(client, "boss@example.com", "s3cret-pass") == 200
        assert roles(client, "boss@example.com", "s3cret-pass") == ["admin", "ambassador"]
        who = person(app)
        current = client.get("/charters/current", headers=who.headers).json()
        assert current["version"] == 1
        assert "Charte des ambassadeurs" in current["body_html"]


class TestDemo:
    def test_loads_once_with_events(
        self, app: FastAPI, client: TestClient, database_url: str, tmp_path: Path
    ) -> None:
        settings = make_settings(database_url, tmp_path)
        _, created = load_demo(settings)
        assert created == 36
        assert load_demo(settings)[1] == 0
        events = outbox(client)
        public = {e["aggregate_id"] for e in events if e["type"] == "ambassador.public"}
        assert len(public) == 31
        assert sum(e["type"] == "theme.changed" for e in events) == 8
        blog = next(
            a
            for e in events
            if e["type"] == "ambassador.public"
            for a in e["payload"]["accounts"]
            if a["platform"] == "blog"
        )
        assert blog["feed_url"].startswith("https://")
        assert check(client, email_of("Léa Dubois"), DEMO_PASSWORD) == 200

    def test_demo_password_is_hashed_once(
        self, app: FastAPI, client: TestClient, database_url: str, tmp_path: Path
    ) -> None:
        load_demo(make_settings(database_url, tmp_path))
        with session_of(app) as session:
            hashes = session.scalars(
                select(Ambassador.password_hash).where(Ambassador.email.endswith("@" + DOMAIN))
            ).all()
        assert len(hashes) == 36
        assert len(set(hashes)) == 1  # one argon2 hash shared: `make run` stays quick
        with session_of(app) as session:
            unverified = session.scalars(
                select(Ambassador.email).where(Ambassador.email_verified_at.is_(None))
            ).all()
        assert unverified == []  # demo people see the directory at once
        assert check(client, email_of("Hugo Moreau"), DEMO_PASSWORD) == 200
