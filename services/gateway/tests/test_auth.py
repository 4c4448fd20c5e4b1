"""Sign in with cookies or bearer tokens, CSRF on cookie-authenticated writes."""

from __future__ import annotations

import time
from collections.abc import Callable

import jwt
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.auth import decode_identity_token
from relais_common.testing import TEST_SECRET
from relais_gateway.config import GatewaySettings
from relais_gateway.tokens import KIND_SESSION, issue

from .conftest import SESSION_SECRET, closed_url
from .helpers import PASSWORDS, bearer, login


class TestLogin:
    def test_sets_session_and_csrf_cookies(self, client: TestClient) -> None:
        body = {"email": "ada@example.com", "password": PASSWORDS["ada@example.com"]}
        resp = client.post("/api/auth/login", json=body)
        assert resp.status_code == 200
        assert resp.json()["user_id"] == "u-ada"
        assert resp.json()["roles"] == ["admin", "ambassador"]
        cookies = {c.split("=", 1)[0]: c for c in resp.headers.get_list("set-cookie")}
        session = cookies["relais_session"].lower()
        for flag in ("httponly", "samesite=lax", "secure", "path=/"):
            assert flag in session
        csrf = cookies["relais_csrf"].lower()
        assert "httponly" not in csrf and "secure" in csrf
        assert client.cookies["relais_csrf"] == resp.json()["csrf_token"]

    def test_not_secure_in_development_over_http(
        self, make_client: Callable[..., TestClient]
    ) -> None:
        client = make_client(base_url="http://testserver", env="development")
        login(client)
        resp = client.post(
            "/api/auth/login",
            json={"email": "bob@example.com", "password": PASSWORDS["bob@example.com"]},
        )
        assert all("secure" not in c.lower() for c in resp.headers.get_list("set-cookie"))

    def test_wrong_password_is_401(self, client: TestClient) -> None:
        resp = client.post("/api/auth/login", json={"email": "ada@example.com", "password": "no"})
        assert resp.status_code == 401
        assert resp.headers["content-type"] == "application/problem+json"
        assert "relais_session" not in resp.headers.get("set-cookie", "")

    def test_locked_account_passes_the_429_on(self, client: TestClient) -> None:
        resp = client.post("/api/auth/login", json={"email": "locked@example.com", "password": "x"})
        assert resp.status_code == 429
        assert resp.headers["retry-after"] == "30"

    def test_ambassadors_down_is_503(self, make_client: Callable[..., TestClient]) -> None:
        client = make_client(ambassadors_url=closed_url())
        resp = client.post("/api/auth/login", json={"email": "ada@example.com", "password": "x"})
        assert resp.status_code == 503

    def test_credentials_are_checked_as_a_service(
        self, client: TestClient, fakes: dict[str, FastAPI]
    ) -> None:
        login(client)
        assert fakes["ambassadors"].state.hits == ["/internal/auth/check"]


class TestCookieSession:
    def test_reads_pass_without_csrf(self, client: TestClient) -> None:
        login(client)
        echo = client.get("/api/ambassadors/whoami").json()
        assert echo["identity"] == {
            "user_id": "u-ada",
            "roles": ["admin", "ambassador"],
            "ttl": 60,
        }

    @pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
    def test_writes_need_the_csrf_header(
        self, client: TestClient, fakes: dict[str, FastAPI], method: str
    ) -> None:
        csrf = login(client)
        fakes["ambassadors"].state.hits.clear()
        refused = client.request(method, "/api/ambassadors/me")
        assert refused.status_code == 403
        wrong = client.request(method, "/api/ambassadors/me", headers={"X-CSRF-Token": "nope"})
        assert wrong.status_code == 403
        assert fakes["ambassadors"].state.hits == []
        ok = client.request(method, "/api/ambassadors/me/x", headers={"X-CSRF-Token": csrf})
        assert ok.status_code == 200
        assert ok.json()["identity"]["user_id"] == "u-ada"

    def test_csrf_cookie_must_match_the_session(self, client: TestClient) -> None:
        login(client)
        client.cookies.set("relais_csrf", "attacker-chosen")
        resp = client.post("/api/ambassadors/me", headers={"X-CSRF-Token": "attacker-chosen"})
        assert resp.status_code == 403

    def test_a_non_ascii_csrf_header_is_refused_not_a_500(self, client: TestClient) -> None:
        login(client)
        resp = client.post(
            "/api/ambassadors/me", headers={"X-CSRF-Token": "caf\xe9".encode("latin-1")}
        )
        assert resp.status_code == 403, resp.text

    def test_expired_session_is_anonymous(self, client: TestClient) -> None:
        expired = issue(
            SESSION_SECRET, kind=KIND_SESSION, user_id="u-ada", roles=["admin"], ttl=-5, csrf="c"
        )
        client.cookies.set("relais_session", expired)
        assert client.get("/api/editorial/whoami").json()["identity"] is None
        assert client.get("/api/auth/session").status_code == 401

    def test_a_session_that_outlives_an_erasure_is_refused(
        self, client: TestClient, fakes: dict[str, FastAPI]
    ) -> None:
        login(client)
        assert client.get("/api/auth/session").json()["user_id"] == "u-ada"
        fakes["ambassadors"].state.erased.add("u-ada")
        try:
            resp = client.get("/api/auth/session")
            assert resp.status_code == 401
            assert resp.headers["content-type"] == "application/problem+json"
            assert "no longer exists" in resp.json()["detail"]
        finally:
            fakes["ambassadors"].state.erased.clear()

    def test_session_trusts_the_token_when_ambassadors_cannot_say(
        self, client: TestClient, fakes: dict[str, FastAPI]
    ) -> None:
        login(client)
        fakes["ambassadors"].state.identity_status = 503
        assert client.get("/api/auth/session").json()["user_id"] == "u-ada"

    def test_logout_clears_the_cookies(self, client: TestClient) -> None:
        csrf = login(client)
        resp = client.post("/api/auth/logout", headers={"X-CSRF-Token": csrf})
        assert resp.status_code == 204
        assert client.get("/api/auth/session").status_code == 401
        assert client.get("/api/editorial/whoami").json()["identity"] is None


class TestBearer:
    def test_token_endpoint_issues_a_bearer_token(self, client: TestClient) -> None:
        resp = client.post(
            "/api/auth/token",
            data={"username": "bob@example.com", "password": PASSWORDS["bob@example.com"]},
        )
        assert resp.status_code == 200
        body = resp.json()
        assert body["token_type"] == "bearer" and body["expires_in"] == 3600
        claims = jwt.decode(body["access_token"], options={"verify_signature": False})
        assert claims["exp"] - claims["iat"] == 3600

    def test_writes_need_no_csrf(self, client: TestClient) -> None:
        resp = client.post("/api/editorial/things", headers=bearer(client), json={})
        assert resp.status_code == 200
        assert resp.json()["identity"]["user_id"] == "u-ada"

    def test_forged_token_is_401(self, client: TestClient) -> None:
        forged = jwt.encode(
            {"sub": "u-ada", "kind": "access", "aud": "relais-gateway", "exp": time.time() + 60},
            "not-the-secret-but-long-enough-0123456789",
            algorithm="HS256",
        )
        resp = client.get("/api/editorial/x", headers={"Authorization": f"Bearer {forged}"})
        assert resp.status_code == 401
        assert resp.headers["www-authenticate"] == "Bearer"

    def test_session_cookie_is_not_a_bearer_token(self, client: TestClient) -> None:
        login(client)
        session = client.cookies["relais_session"]
        client.cookies.clear()
        resp = client.get("/api/auth/session", headers={"Authorization": f"Bearer {session}"})
        assert resp.status_code == 401


def test_placeholder_session_secret_refused_outside_development() -> None:
    with pytest.raises(ValueError, match="RELAIS_SESSION_SECRET"):
        GatewaySettings(env="production", internal_secret="x" * 40)
    with pytest.raises(ValueError, match="RELAIS_SESSION_SECRET"):
        GatewaySettings(env="test", session_secret="change-me")
    assert GatewaySettings(env="development").session_secret == "dev-session-secret"


# (method, path, credentials, expected status) for the gateway's own endpoints.
AUTHORIZATION_TABLE = [
    ("GET", "/api/auth/session", "none", 401),
    ("GET", "/api/auth/session", "bearer", 200),
    ("GET", "/api/auth/session", "cookie", 200),
    ("GET", "/api/auth/session", "bad-bearer", 401),
    ("POST", "/api/auth/logout", "none", 204),
    ("POST", "/api/auth/logout", "bearer", 204),
    ("POST", "/api/auth/logout", "cookie", 403),
    ("POST", "/api/auth/logout", "cookie+csrf", 204),
    ("POST", "/api/auth/login", "none", 422),
    ("POST", "/api/auth/token", "none", 422),
    ("GET", "/api/auth/login", "none", 405),
]


@pytest.mark.parametrize(("method", "path", "credentials", "expected"), AUTHORIZATION_TABLE)
def test_gateway_endpoint_authorization(
    client: TestClient, method: str, path: str, credentials: str, expected: int
) -> None:
    headers: dict[str, str] = {}
    if credentials == "bearer":
        headers = bearer(client)
    elif credentials == "bad-bearer":
        headers = {"Authorization": "Bearer not-a-token"}
    elif credentials.startswith("cookie"):
        csrf = login(client)
        if credentials == "cookie+csrf":
            headers = {"X-CSRF-Token": csrf}
    resp = client.request(method, path, headers=headers)
    assert resp.status_code == expected, resp.text
    if expected >= 400:
        assert resp.headers["content-type"] == "application/problem+json"


class TestSignInTimeReachesTheServices:
    """Services refuse sessions older than a password change: they need the sign-in time."""

    @staticmethod
    def signed_in_ms(echo: dict[str, object]) -> int:
        headers = echo["headers"]
        assert isinstance(headers, dict)
        token = headers["x-relais-identity"]
        value = decode_identity_token(TEST_SECRET, token).signed_in_ms
        assert value is not None
        return value

    def test_cookie_and_bearer_sessions_carry_when_they_signed_in(self, client: TestClient) -> None:
        before = time.time_ns() // 1_000_000
        login(client)
        first = self.signed_in_ms(client.get("/api/ambassadors/whoami").json())
        assert before <= first <= time.time_ns() // 1_000_000
        # the same session keeps its time; a new sign-in is a new, later session
        assert self.signed_in_ms(client.get("/api/editorial/whoami").json()) == first
        time.sleep(0.005)
        token = bearer(client)
        with_token = client.get("/api/ambassadors/whoami", headers=token).json()
        assert self.signed_in_ms(with_token) > first
