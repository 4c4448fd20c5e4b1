"""The consent to show an account's posts: its own ledger scope, carried by the projection."""

from __future__ import annotations

from typing import Any

from ambassadors_factories import last_event_id, listed_person, outbox, person
from fastapi import FastAPI
from fastapi.testclient import TestClient


def public_accounts(client: TestClient, after: int) -> list[dict[str, Any]]:
    events = [e for e in outbox(client, after) if e["type"] == "ambassador.public"]
    assert events, "no ambassador.public event was emitted"
    accounts: list[dict[str, Any]] = events[-1]["payload"]["accounts"]
    return accounts


def test_posts_are_shown_only_with_their_own_consent(app: FastAPI, client: TestClient) -> None:
    who = listed_person(app, client)
    (account,) = client.get("/me/accounts", headers=who.headers).json()
    assert account["posts_public"] is False  # listing the account is not showing its posts
    before = last_event_id(client)
    resp = client.put(
        f"/me/accounts/{account['id']}/posts", json={"public": True}, headers=who.headers
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["posts_public"] is True and resp.json()["posts_consented_at"]
    (shown,) = public_accounts(client, before)
    assert shown["posts"] is True and shown["feed_url"]

    before = last_event_id(client)
    resp = client.put(
        f"/me/accounts/{account['id']}/posts", json={"public": False}, headers=who.headers
    )
    assert resp.json()["posts_public"] is False and resp.json()["posts_consented_at"] is None
    (withdrawn,) = public_accounts(client, before)
    assert withdrawn["posts"] is False

    ledger = client.get("/me/consents", headers=who.headers).json()
    posts = [c for c in ledger if c["scope"] == "posts"]
    assert [c["granted"] for c in posts] == [False, True]  # newest first, dated, explicit
    assert all(c["account_id"] == account["id"] and c["created_at"] for c in posts)
    me = client.get("/me", headers=who.headers).json()
    assert [a["posts_public"] for a in me["accounts"]] == [False]


def test_giving_it_twice_records_it_once(app: FastAPI, client: TestClient) -> None:
    who = listed_person(app, client)
    (account,) = client.get("/me/accounts", headers=who.headers).json()
    for _ in range(2):
        client.put(
            f"/me/accounts/{account['id']}/posts", json={"public": True}, headers=who.headers
        )
    ledger = client.get("/me/consents", headers=who.headers).json()
    assert len([c for c in ledger if c["scope"] == "posts"]) == 1


def test_only_the_owner_decides(app: FastAPI, client: TestClient) -> None:
    who = listed_person(app, client)
    (account,) = client.get("/me/accounts", headers=who.headers).json()
    other = person(app, name="Other")
    resp = client.put(
        f"/me/accounts/{account['id']}/posts", json={"public": True}, headers=other.headers
    )
    assert resp.status_code == 404
    bad = client.put(f"/me/accounts/{account['id']}/posts", json={"on": 1}, headers=who.headers)
    assert bad.status_code == 422
