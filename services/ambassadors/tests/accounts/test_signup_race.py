"""Two sign-ups (or acceptances) for one e-mail at once: the usual answer, never a 500.

The race is forced deterministically: just before the request's own INSERT is flushed (its
duplicate check has already passed), another session commits an account with that e-mail.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from ambassadors_factories import invite, person, token_from_mailbox
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.accounts.service import create_account
from relais_ambassadors.models import Ambassador
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

# other apps, threads or connections read this module's writes: committed, tables emptied
pytestmark = pytest.mark.committed

EMAIL = "new@example.com"


@contextmanager
def same_email_committed_first(app: FastAPI) -> Iterator[None]:
    """Another request signs up with the same e-mail between the check and the insert."""
    factory = app.state.sessionmaker
    done: list[bool] = []

    def commit_the_same_email_first(session: Session, *_: Any) -> None:
        if done or not any(isinstance(o, Ambassador) for o in session.new):
            return
        done.append(True)
        with factory.begin() as other:
            create_account(other, email=EMAIL, password="another password", display_name="Twin")

    event.listen(factory, "before_flush", commit_the_same_email_first)
    try:
        yield
    finally:
        event.remove(factory, "before_flush", commit_the_same_email_first)
    assert done, "the race was not forced"


def accounts_with(app: FastAPI, email: str) -> int:
    with app.state.sessionmaker() as session:
        return int(session.scalar(select(func.count()).where(Ambassador.email == email)) or 0)


def test_racing_signups_give_the_usual_answer_not_500(client: TestClient, app: FastAPI) -> None:
    """Sign-up never tells whether an address exists, racing or not: the same 202."""
    body = {"email": EMAIL, "password": "long enough pw", "display_name": "Jane"}
    usual = client.post("/signup", json={**body, "email": "other@example.com"})
    with same_email_committed_first(app):
        resp = client.post("/signup", json=body)
    assert (resp.status_code, resp.json()) == (usual.status_code, usual.json()), resp.text
    assert resp.status_code == 202
    assert accounts_with(app, EMAIL) == 1


def test_racing_invitation_accept_gives_409_not_500(client: TestClient, app: FastAPI) -> None:
    admin = person(app, admin=True)
    invite(client, admin.headers)
    token = token_from_mailbox(client, admin.headers)
    with same_email_committed_first(app):
        resp = client.post(f"/invitations/{token}/accept", json={"password": "a good password"})
    assert resp.status_code == 409, resp.text
    assert resp.json()["errors"][0]["field"] == "email"
    assert accounts_with(app, EMAIL) == 1
