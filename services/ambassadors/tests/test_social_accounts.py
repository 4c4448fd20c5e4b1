from ambassadors_factories import person
from fastapi import FastAPI
from fastapi.testclient import TestClient


class TestPlatforms:
    def test_public_list(self, client: TestClient) -> None:
        resp = client.get("/platforms")
        assert resp.status_code == 200
        ids = {p["id"] for p in resp.json()}
        assert {"mastodon", "github", "blog", "linkedin"} <= ids


class TestPreview:
    def test_normalises_without_storing(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        body = {"platform": "mastodon", "value": "@Jane@mastodon.social"}
        assert client.post("/accounts/preview", json=body).status_code == 401
        resp = client.post("/accounts/preview", json=body, headers=who.headers)
        assert resp.status_code == 200, resp.text
        assert resp.json()["profile_url"].startswith("https://mastodon.social/@")
        assert client.get("/me/accounts", headers=who.headers).json() == []

    def test_bad_value_says_what_is_expected(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        resp = client.post(
            "/accounts/preview", json={"platform": "github", "value": "no spaces"},
            headers=who.headers,
        )  # fmt: skip
        assert resp.status_code == 422
        assert resp.json()["errors"][0]["field"] == "value"
        resp = client.post(
            "/accounts/preview", json={"platform": "myspace", "value": "x"}, headers=who.headers
        )
        assert resp.status_code == 422
        assert resp.json()["errors"][0]["field"] == "platform"


class TestAccounts:
    def test_add_list_duplicate_delete(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        body = {"platform": "github", "value": "https://github.com/Octocat", "public": False}
        resp = client.post("/me/accounts", json=body, headers=who.headers)
        assert resp.status_code == 201, resp.text
        account = resp.json()
        assert account["handle"] == "octocat"
        assert account["consented_at"] is None
        again = client.post("/me/accounts", json={**body, "value": "octocat"}, headers=who.headers)
        assert again.status_code == 409
        listed = client.get("/me/accounts", headers=who.headers).json()
        assert [a["id"] for a in listed] == [account["id"]]
        url = f"/me/accounts/{account['id']}"
        assert client.delete(url, headers=who.headers).status_code == 204
        assert client.delete(url, headers=who.headers).status_code == 404

    def test_owner_checks(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        other = person(app)
        body = {"platform": "github", "value": "octocat", "public": True}
        account_id = client.post("/me/accounts", json=body, headers=who.headers).json()["id"]
        url = f"/me/accounts/{account_id}"
        assert client.delete(url, headers=other.headers).status_code == 404
        consent = client.put(f"{url}/consent", json={"public": False}, headers=other.headers)
        assert consent.status_code == 404
        assert client.delete(url).status_code == 401

    def test_public_account_writes_the_ledger(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        body = {"platform": "github", "value": "octocat", "public": True}
        account = client.post("/me/accounts", json=body, headers=who.headers).json()
        assert account["public"] is True
        assert account["consented_at"]
        client.delete(f"/me/accounts/{account['id']}", headers=who.headers)
        ledger = client.get("/me/consents", headers=who.headers).json()
        assert [(c["granted"], c["account_id"]) for c in ledger] == [
            (False, account["id"]),
            (True, account["id"]),
        ]
