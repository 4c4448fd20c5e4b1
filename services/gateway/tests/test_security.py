"""Security headers on every response, and per-IP rate limits."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from .helpers import PASSWORDS


@pytest.mark.parametrize(
    "path", ["/api/editorial/x", "/api/auth/session", "/app/", "/livez", "/nothing-here", "/"]
)
def test_security_headers_everywhere(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "style-src 'self' 'unsafe-inline'" in csp and "img-src 'self' data:" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["permissions-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["strict-transport-security"].startswith("max-age=")


def test_widget_may_be_framed(client: TestClient) -> None:
    headers = client.get("/widget/people.html").headers
    assert "frame-ancestors" not in headers["content-security-policy"]
    assert "x-frame-options" not in headers
    assert headers["x-content-type-options"] == "nosniff"


def test_no_hsts_over_plain_http(make_client: Callable[..., TestClient]) -> None:
    client = make_client(base_url="http://testserver")
    assert "strict-transport-security" not in client.get("/livez").headers


def test_hsts_behind_a_trusted_tls_proxy(make_client: Callable[..., TestClient]) -> None:
    client = make_client(base_url="http://testserver", trust_forwarded=True)
    resp = client.get("/livez", headers={"X-Forwarded-Proto": "https"})
    assert "strict-transport-security" in resp.headers


def test_api_rate_limit_per_ip(make_client: Callable[..., TestClient]) -> None:
    client = make_client(api_rate_per_second=0.01, api_burst=3)
    statuses = [client.get("/api/editorial/x").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    resp = client.get("/api/editorial/x")
    assert resp.headers["content-type"] == "application/problem+json"
    assert int(resp.headers["retry-after"]) >= 1
    assert client.get("/").status_code == 200  # public pages are not API-limited


def test_rate_limit_is_per_client_ip(make_client: Callable[..., TestClient]) -> None:
    client = make_client(api_rate_per_second=0.01, api_burst=1, trust_forwarded=True)
    first = {"X-Forwarded-For": "203.0.113.1"}
    second = {"X-Forwarded-For": "203.0.113.2"}
    assert client.get("/api/editorial/x", headers=first).status_code == 200
    assert client.get("/api/editorial/x", headers=first).status_code == 429
    assert client.get("/api/editorial/x", headers=second).status_code == 200


def test_sign_in_attempts_limited(make_client: Callable[..., TestClient]) -> None:
    client = make_client(auth_rate_per_minute=10, auth_burst=2)
    body = {"email": "ada@example.com", "password": PASSWORDS["ada@example.com"]}
    statuses = [client.post("/api/auth/login", json=body).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    token = client.post("/api/auth/token", data={"username": "a", "password": "b"})
    assert token.status_code == 429
    assert client.get("/api/auth/session").status_code == 200  # reads use the API bucket


@pytest.mark.parametrize("path", ["/api/ambassadors/signup", "/api/ambassadors/password-resets"])
def test_sign_up_and_reset_requests_share_the_sign_in_limit(
    make_client: Callable[..., TestClient], path: str
) -> None:
    """They create accounts or send mail to a typed address: no flood from one client."""
    client = make_client(auth_rate_per_minute=10, auth_burst=2)
    statuses = [client.post(path, json={"email": "a@example.com"}).status_code for _ in range(3)]
    assert statuses[2] == 429 and 429 not in statuses[:2]
    assert client.get("/api/ambassadors/me").status_code != 429  # other calls are not slowed
