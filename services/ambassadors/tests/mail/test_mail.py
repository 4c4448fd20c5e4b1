"""Outgoing mail through a real local SMTP server (aiosmtpd)."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from ambassadors_factories import make_settings, person
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.mail.sender import mail_job, parse_smtp_url, send_pending
from relais_ambassadors.main import create_app
from relais_ambassadors.models import Base, Invitation, MailMessage
from relais_common.testing import empty_tables
from sqlalchemy import select, update

# other apps, threads or connections read this module's writes: committed, tables emptied
pytestmark = pytest.mark.committed


class Inbox:
    def __init__(self, refuse: bool = False) -> None:
        self.messages: list[Any] = []
        self.refuse = refuse

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if self.refuse:
            return "550 mailbox unavailable"
        self.messages.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    handler = Inbox()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


def test_parse_smtp_url() -> None:
    target = parse_smtp_url("smtp+starttls://me%40x.org:p%3Ass@mail.example.org")
    assert (target.host, target.port, target.username, target.password) == (
        "mail.example.org", 587, "me@x.org", "p:ss",
    )  # fmt: skip
    with pytest.raises(ValueError, match="RELAIS_SMTP_URL"):
        parse_smtp_url("http://mail.example.org")


def test_the_job_sends_invitations(
    inbox: tuple[Inbox, int], database_url: str, tmp_path: Path
) -> None:
    handler, port = inbox
    settings = make_settings(
        database_url, tmp_path, smtp_url=f"smtp://127.0.0.1:{port}",
        run_workers=True, mail_poll_seconds=0.05,
    )  # fmt: skip
    app = create_app(settings)
    try:
        with TestClient(app) as client:
            admin = person(app, admin=True)
            body = {"email": "invitee@example.com", "display_name": "Ines"}
            assert client.post("/invitations", json=body, headers=admin.headers).status_code == 201
            deadline = time.monotonic() + 20
            while not handler.messages and time.monotonic() < deadline:
                time.sleep(0.05)
            assert len(handler.messages) == 1
            envelope = handler.messages[0]
            assert envelope.rcpt_tos == ["invitee@example.com"]
            text = envelope.content.decode()
            assert "https://relais.example/app/invitations/" in text
            mailbox = client.get("/admin/mailbox", headers=admin.headers).json()["items"]
            while mailbox[0]["status"] == "pending" and time.monotonic() < deadline:
                time.sleep(0.05)
                mailbox = client.get("/admin/mailbox", headers=admin.headers).json()["items"]
            assert mailbox[0]["status"] == "sent"
    finally:
        empty_tables(app.state.engine, Base.metadata)
        app.state.engine.dispose()


def test_refused_mail_is_marked_failed(
    inbox: tuple[Inbox, int], database_url: str, tmp_path: Path
) -> None:
    handler, port = inbox
    handler.refuse = True
    settings = make_settings(database_url, tmp_path, smtp_url=f"smtp://127.0.0.1:{port}")
    app = create_app(settings)
    try:
        with TestClient(app) as client:
            admin = person(app, admin=True)
            client.post("/invitations", json={"email": "x@example.com"}, headers=admin.headers)
            assert send_pending(app.state.sessionmaker, settings) == 0
            mailbox = client.get("/admin/mailbox", headers=admin.headers).json()["items"]
            assert mailbox[0]["status"] == "failed"
            assert send_pending(app.state.sessionmaker, settings) == 0
    finally:
        empty_tables(app.state.engine, Base.metadata)
        app.state.engine.dispose()


def test_without_smtp_mail_is_stored_not_pending(client: TestClient, app: FastAPI) -> None:
    admin = person(app, admin=True)
    client.post("/invitations", json={"email": "x@example.com"}, headers=admin.headers)
    mailbox = client.get("/admin/mailbox", headers=admin.headers).json()["items"]
    assert [m["status"] for m in mailbox] == ["stored"]


def test_mail_left_pending_when_smtp_is_removed_is_kept_as_stored(
    client: TestClient, app: FastAPI
) -> None:
    """SMTP was configured, then removed: the mail it never sent must not wait forever."""
    admin = person(app, admin=True)
    client.post("/invitations", json={"email": "x@example.com"}, headers=admin.headers)
    with app.state.sessionmaker.begin() as session:
        session.execute(update(MailMessage).values(status="pending"))
    asyncio.run(mail_job(app))  # the service's start-up job, without RELAIS_SMTP_URL
    mailbox = client.get("/admin/mailbox", headers=admin.headers).json()["items"]
    assert [m["status"] for m in mailbox] == ["stored"]


def test_secret_links_reach_only_the_recipient(
    inbox: tuple[Inbox, int], database_url: str, tmp_path: Path
) -> None:
    """No admin can read a live reset link: the mailbox shows it redacted, the recipient gets it
    over SMTP, and once sent the row keeps no copy of it."""
    handler, port = inbox
    settings = make_settings(database_url, tmp_path, smtp_url=f"smtp://127.0.0.1:{port}")
    app = create_app(settings)
    try:
        with TestClient(app) as client:
            admin = person(app, admin=True)
            victim = person(app, email="victim@example.com")
            assert client.post("/password-resets", json={"email": victim.email}).status_code == 202
            before = client.get("/admin/mailbox", headers=admin.headers)
            assert "/app/reset-password/" not in before.text
            assert send_pending(app.state.sessionmaker, settings) == 1
            (envelope,) = handler.messages
            parsed = message_from_bytes(envelope.content, policy=policy.default)
            assert isinstance(parsed, EmailMessage)
            text = parsed.get_content()
            link = next(x for x in text.splitlines() if "/app/reset-password/" in x).strip()
            token = link.rsplit("/", 1)[-1]
            after = client.get("/admin/mailbox", headers=admin.headers)
            assert token not in after.text
            assert after.json()["items"][0]["status"] == "sent"
            with app.state.sessionmaker() as session:
                row = session.scalars(select(MailMessage)).one()
                assert row.secret_body is None
                assert token not in row.body_text
            assert not (tmp_path / "mail").exists()  # with SMTP nothing is written locally
            # and the link works for its recipient
            resp = client.post(f"/password-resets/{token}", json={"password": "a new passphrase"})
            assert resp.status_code == 204
    finally:
        empty_tables(app.state.engine, Base.metadata)
        app.state.engine.dispose()


def test_without_smtp_the_whole_mail_is_a_private_local_file(
    client: TestClient, app: FastAPI, tmp_path: Path
) -> None:
    admin = person(app, admin=True)
    client.post("/invitations", json={"email": "x@example.com"}, headers=admin.headers)
    (path,) = (tmp_path / "mail").glob("*.eml")
    assert path.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "mail").stat().st_mode & 0o777 == 0o700
    # plain text a person can read and copy: the whole link on one line (no transfer encoding)
    line = next(x for x in path.read_text().splitlines() if "/app/invitations/" in x)
    with app.state.sessionmaker() as session:
        token = session.scalars(select(Invitation.token)).one()
    assert line.strip() == f"https://relais.example/app/invitations/{token}"
    mailbox = client.get("/admin/mailbox", headers=admin.headers).text
    assert "/app/invitations/" not in mailbox
