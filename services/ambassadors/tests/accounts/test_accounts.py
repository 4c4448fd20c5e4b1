from ambassadors_factories import PASSWORD, person, service_headers
from fastapi import FastAPI
from fastapi.testclient import TestClient

SIGNUP = {
    "email": "Jane.Doe@Example.com",
    "password": "long enough pw",
    "display_name": "Jane",
    "locale": "en",
}


class TestSignup:
    def test_creates_a_pending_unverified_ambassador(
        self, client: TestClient, app: FastAPI
    ) -> None:
        from ambassadors_factories import charter

        charter(app)
        resp = client.post("/signup", json=SIGNUP)
        assert resp.status_code == 202, resp.text
        assert resp.json()["detail"].startswith("Check your mailbox")
        body = {"email": "jane.doe@example.com", "password": SIGNUP["password"], "client_ip": ""}
        check = client.post("/internal/auth/check", json=body, headers=service_headers())
        assert check.json()["roles"] == ["unverified"]  # until the mailed link is opened

    def test_short_password_and_bad_email_are_422(self, client: TestClient) -> None:
        resp = client.post("/signup", json={**SIGNUP, "email": "nope", "password": "short"})
        assert resp.status_code == 422
        fields = {e["field"] for e in resp.json()["errors"]}
        assert fields == {"email", "password"}


def check(client: TestClient, email: str, password: str, ip: str = "10.0.0.1") -> int:
    body = {"email": email, "password": password, "client_ip": ip}
    return client.post("/internal/auth/check", json=body, headers=service_headers()).status_code


class TestAuthCheck:
    def test_only_services_may_call_it(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        body = {"email": who.email, "password": PASSWORD, "client_ip": ""}
        assert client.post("/internal/auth/check", json=body).status_code == 401
        resp = client.post("/internal/auth/check", json=body, headers=who.headers)
        assert resp.status_code == 401

    def test_good_credentials_give_roles(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        body = {"email": admin.email.upper(), "password": PASSWORD, "client_ip": "10.0.0.1"}
        resp = client.post("/internal/auth/check", json=body, headers=service_headers())
        assert resp.status_code == 200
        assert resp.json() == {"user_id": admin.id, "roles": ["admin", "ambassador"]}

    def test_wrong_password_and_unknown_email_are_401(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = person(app)
        assert check(client, who.email, "wrong password") == 401
        assert check(client, "nobody@example.com", PASSWORD) == 401

    def test_five_failures_from_one_client_lock_that_client_out_of_that_address(
        self, client: TestClient, app: FastAPI
    ) -> None:
        who = person(app)
        other = person(app)
        for _ in range(5):
            assert check(client, who.email, "wrong password", ip="10.0.1.1") == 401
        body = {"email": who.email, "password": PASSWORD, "client_ip": "10.0.1.1"}
        resp = client.post("/internal/auth/check", json=body, headers=service_headers())
        assert resp.status_code == 429
        assert 1 <= int(resp.headers["Retry-After"]) <= 900
        assert resp.headers["content-type"] == "application/problem+json"
        assert check(client, other.email, PASSWORD, ip="10.0.1.1") == 200

    def test_twenty_failures_per_ip_lock_that_ip(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        for i in range(20):
            assert check(client, f"guess{i}@example.com", "wrong password", ip="10.9.9.9") == 401
        assert check(client, who.email, PASSWORD, ip="10.9.9.9") == 429
        assert check(client, who.email, PASSWORD, ip="10.9.9.10") == 200

    def test_success_clears_the_failures(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        for _ in range(4):
            assert check(client, who.email, "wrong password") == 401
        assert check(client, who.email, PASSWORD) == 200
        for _ in range(4):
            assert check(client, who.email, "wrong password") == 401
        assert check(client, who.email, PASSWORD) == 200
