from pathlib import Path

from ambassadors_factories import make_settings, outbox, person, service_headers
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.bootstrap import bootstrap
from relais_ambassadors.demo import DEMO_PASSWORD, email_of, load_demo


def check(client: TestClient, email: str, password: str) -> int:
    body = {"email": email, "password": password, "client_ip": "10.0.0.1"}
    return client.post("/internal/auth/check", json=body, headers=service_headers()).status_code


class TestBootstrap:
    def test_generated_admin_is_remembered(
        self, app: FastAPI, client: TestClient, database_url: str, tmp_path: Path
    ) -> None:
        settings = make_settings(database_url, tmp_path)
        line = bootstrap(settings)
        email, password = line.removeprefix("Admin: ").split(" / ")
        assert email == "admin@relais.localhost"
        secret = tmp_path / "admin-password.txt"
        assert secret.stat().st_mode & 0o777 == 0o600
        assert secret.read_text().strip() == password
        assert bootstrap(settings) == line  # idempotent, and still knows the password
        assert check(client, email, password) == 200
        assert outbox(client) == []  # nobody is listed yet: nothing to announce

    def test_admin_from_the_environment(
        self, app: FastAPI, client: TestClient, database_url: str, tmp_path: Path
    ) -> None:
        settings = make_settings(
            database_url, tmp_path, admin_email="Boss@Example.com", admin_password="s3cret-pass"
        )
        assert bootstrap(settings) == "Admin: boss@example.com / s3cret-pass"
        assert bootstrap(settings) == "Admin: boss@example.com / s3cret-pass"
        assert not (tmp_path / "admin-password.txt").exists()
        assert check(client, "boss@example.com", "s3cret-pass") == 200
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
