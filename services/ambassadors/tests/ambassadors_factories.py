"""Test data through the service layer, and small helpers to read the outbox."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.accounts.service import create_account
from relais_ambassadors.charters.service import accept, publish
from relais_ambassadors.config import Settings
from relais_ambassadors.departments.service import create as create_department
from relais_ambassadors.mail import drop
from relais_ambassadors.publication import current_charter_version
from relais_ambassadors.themes.service import create as create_theme
from relais_common.testing import TEST_SECRET, identity_headers
from sqlalchemy import event
from sqlalchemy.orm import Session

PASSWORD = "correct horse battery"
_counter = itertools.count(1)


def make_settings(database_url: str, tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        "internal_secret": TEST_SECRET,
        "env": "test",
        "run_workers": False,
        "log_json": False,
        "var_dir": tmp_path,
        "public_base_url": "https://relais.example",
        "ssrf_allowed_networks": "127.0.0.0/8",
        "password_hashing": "fast",
        "signup_domains": "example.com",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def service_headers() -> dict[str, str]:
    """A fresh service identity (tokens live 60 s: never keep one across tests)."""
    return identity_headers("service:tests", {"service"})


@dataclass(frozen=True)
class Person:
    id: str
    email: str
    headers: dict[str, str]


def session_of(app: FastAPI) -> Session:
    session: Session = app.state.sessionmaker()
    return session


def charter(app: FastAPI, title: str = "Charter") -> int:
    with app.state.sessionmaker.begin() as session:
        return publish(session, title=title, body_markdown="# Be kind\n\nAlways.").version


def person(
    app: FastAPI,
    *,
    name: str = "Jane Doe",
    email: str | None = None,
    admin: bool = False,
    accepted: bool = True,
    department_id: str | None = None,
    verified: bool = True,
) -> Person:
    email = email or f"person{next(_counter)}@example.com"
    with app.state.sessionmaker.begin() as session:
        row = create_account(
            session,
            email=email,
            password=PASSWORD,
            display_name=name,
            is_admin=admin,
            department_id=department_id,
            verified=verified,
        )
        version = current_charter_version(session)
        if accepted and version is not None:
            accept(session, row, version)
        roles = {"ambassador" if verified else "unverified"} | ({"admin"} if admin else set())
        return Person(row.id, email, identity_headers(row.id, roles))


def dropped_mail(app: FastAPI, to: str | None = None) -> list[EmailMessage]:
    """The whole messages written to var/mail/ (no SMTP in tests), newest first."""
    found = drop.read(app.state.settings.var_dir)
    return [m for m in found if to is None or m["To"] == to]


def link_in(mail: EmailMessage, path: str) -> str:
    """The token of the first link to `/app/<path>/` in a mail."""
    body = mail.get_content()
    line = next(x for x in body.splitlines() if f"/app/{path}/" in x)
    return line.strip().rsplit("/", 1)[-1]


def theme(app: FastAPI, name: str) -> str:
    with app.state.sessionmaker.begin() as session:
        return create_theme(session, name=name).id


def department(app: FastAPI, name: str) -> str:
    with app.state.sessionmaker.begin() as session:
        return create_department(session, name=name).id


def outbox(client: TestClient, after: int = 0) -> list[dict[str, Any]]:
    resp = client.get("/internal/events", params={"after": after}, headers=service_headers())
    assert resp.status_code == 200, resp.text
    events: list[dict[str, Any]] = resp.json()["events"]
    return events


def last_event_id(client: TestClient) -> int:
    events = outbox(client)
    return int(events[-1]["id"]) if events else 0


def listed_person(app: FastAPI, client: TestClient, **kw: Any) -> Person:
    """An active person whose listing was granted and approved, with one public account."""
    who = person(app, **kw)
    admin = person(app, name="Admin", admin=True)
    acc = client.post(
        "/me/accounts",
        json={"platform": "github", "value": "octocat", "public": True},
        headers=who.headers,
    )
    assert acc.status_code == 201, acc.text
    assert client.put("/me/listing", json={"public": True}, headers=who.headers).status_code == 200
    resp = client.post(f"/admin/moderation/{who.id}/approve", headers=admin.headers)
    assert resp.status_code == 200, resp.text
    return who


def profile(client: TestClient, headers: dict[str, str], **body: object) -> None:
    tag = client.get("/me", headers=headers).headers["ETag"]
    resp = client.patch("/me", json=body, headers={**headers, "If-Match": tag})
    assert resp.status_code == 200, resp.text


@contextmanager
def loaded_instances(*models: type[Any]) -> Iterator[list[str]]:
    """Names of the ORM instances loaded from the database inside the block."""
    seen: list[str] = []

    def on_load(target: Any, _context: Any) -> None:
        seen.append(type(target).__name__)

    for model in models:
        event.listen(model, "load", on_load)
    try:
        yield seen
    finally:
        for model in models:
            event.remove(model, "load", on_load)


def invite(client: TestClient, headers: dict[str, str], **body: object) -> dict[str, object]:
    resp = client.post("/invitations", json={"email": "new@example.com", **body}, headers=headers)
    assert resp.status_code == 201, resp.text
    data: dict[str, object] = resp.json()
    return data


def token_from_mailbox(client: TestClient, headers: dict[str, str]) -> str:
    """The link of the newest invitation, read as the invited person would in their inbox (the
    admin mailbox shows it redacted)."""
    items = client.get("/admin/mailbox", headers=headers).json()["items"]  # newest first
    assert "/app/invitations/" not in items[0]["body_text"]
    mail = dropped_mail(client.app)[0]  # type: ignore[arg-type]
    assert mail["To"] == items[0]["to"]
    assert "https://relais.example/app/invitations/" in mail.get_content()
    return link_in(mail, "invitations")


def check(client: TestClient, email: str, password: str) -> int:
    body = {"email": email, "password": password, "client_ip": "10.0.0.1"}
    return client.post("/internal/auth/check", json=body, headers=service_headers()).status_code
