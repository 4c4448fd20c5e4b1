"""Sign-in throttling slows the attacker, not the owner; the owner hears of each lock once."""

from __future__ import annotations

from pathlib import Path

import pytest
from ambassadors_factories import PASSWORD, dropped_mail, make_settings, person, service_headers
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.main import create_app
from relais_ambassadors.models import Base
from relais_common.testing import empty_tables

# other apps, threads or connections read this module's writes: committed, tables emptied
pytestmark = pytest.mark.committed


def check(client: TestClient, email: str, password: str, ip: str) -> int:
    body = {"email": email, "password": password, "client_ip": ip}
    return client.post("/internal/auth/check", json=body, headers=service_headers()).status_code


def lock_mails(app: FastAPI, email: str) -> list[str]:
    return [m["Subject"] for m in dropped_mail(app, email) if "bloquée" in m["Subject"]]


class TestOneAttacker:
    def test_an_attacker_does_not_lock_the_owner_out(
        self, client: TestClient, app: FastAPI
    ) -> None:
        admin = person(app, admin=True, email="admin@example.com")
        for _ in range(30):
            assert check(client, admin.email, "guess", ip="203.0.113.7") in (401, 429)
        # the attacker stopped himself, even with the right password...
        assert check(client, admin.email, PASSWORD, ip="203.0.113.7") == 429
        # ...but the owner, from their own network, signs in at once
        assert check(client, admin.email, PASSWORD, ip="198.51.100.2") == 200
        # and the owner's success does not reset the attacker's lock
        assert check(client, admin.email, "guess", ip="203.0.113.7") == 429

    def test_the_owner_gets_one_mail_per_lock(self, client: TestClient, app: FastAPI) -> None:
        who = person(app, email="owner@example.com")
        for _ in range(4):
            check(client, who.email, "guess", ip="203.0.113.7")
        assert lock_mails(app, who.email) == []  # no lock yet: no mail
        for _ in range(20):
            check(client, who.email, "guess", ip="203.0.113.7")
        (subject,) = lock_mails(app, who.email)
        assert subject.startswith("Relais : connexion à votre compte bloquée")
        (mail,) = [m for m in dropped_mail(app, who.email) if "bloquée" in m["Subject"]]
        assert "203.0.113.7" in mail.get_content()
        assert "/app/forgot-password" in mail.get_content()

    def test_unknown_addresses_get_no_mail(self, client: TestClient, app: FastAPI) -> None:
        for _ in range(6):
            check(client, "nobody@example.com", "guess", ip="203.0.113.7")
        assert dropped_mail(app) == []


@pytest.fixture
def small_ceiling(database_url: str, tmp_path: Path) -> FastAPI:
    """A per-address ceiling of 12 instead of 100, so the test sends few requests."""
    return create_app(make_settings(database_url, tmp_path, login_max_per_email=12))


class TestDistributedAttack:
    def test_the_per_address_ceiling_still_stops_it(self, small_ceiling: FastAPI) -> None:
        app = small_ceiling
        try:
            with TestClient(app) as client:
                who = person(app, email="target@example.com")
                for i in range(12):  # 12 clients, each below its own limit of 5
                    assert check(client, who.email, "guess", ip=f"203.0.113.{i}") == 401
                assert check(client, who.email, "guess", ip="192.0.2.99") == 429
                assert check(client, who.email, PASSWORD, ip="198.51.100.2") == 429
                subjects = lock_mails(app, who.email)
                assert len(subjects) == 1  # the address-wide lock, mailed once
                body = next(m for m in dropped_mail(app, who.email)).get_content()
                assert "depuis partout" in body
        finally:
            empty_tables(app.state.engine, Base.metadata)
            app.state.engine.dispose()
