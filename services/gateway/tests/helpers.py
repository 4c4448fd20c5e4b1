"""Sign-in helpers for the gateway tests."""

from __future__ import annotations

from fastapi.testclient import TestClient

PASSWORDS = {"ada@example.com": "correct horse battery", "bob@example.com": "bob's long password"}


def login(client: TestClient, email: str = "ada@example.com") -> str:
    """Sign in with cookies; returns the CSRF token."""
    resp = client.post("/api/auth/login", json={"email": email, "password": PASSWORDS[email]})
    assert resp.status_code == 200, resp.text
    return str(resp.json()["csrf_token"])


def bearer(client: TestClient, email: str = "ada@example.com") -> dict[str, str]:
    resp = client.post("/api/auth/token", data={"username": email, "password": PASSWORDS[email]})
    assert resp.status_code == 200, resp.text
    return {"Authorization": f"Bearer {resp.json()['access_token']}"}
