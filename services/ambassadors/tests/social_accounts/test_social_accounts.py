from pathlib import Path

from ambassadors_factories import make_settings, person
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.main import create_app
from relais_ambassadors.models import Base
from relais_common.testing import empty_tables
from relais_common.testing_http import local_site


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


class TestBlogDiscovery:
    def test_preview_finds_the_feed_through_the_guard(
        self, client: TestClient, app: FastAPI
    ) -> None:
        import http.server
        import threading

        page = (
            b'<html><head><link rel="alternate" type="application/atom+xml" '
            b'href="/feed.atom"></head><body>Blog</body></html>'
        )

        class Blog(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *args: object) -> None:
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Blog)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            who = person(app)
            url = f"http://127.0.0.1:{server.server_address[1]}/"
            resp = client.post(
                "/accounts/preview", json={"platform": "blog", "value": url}, headers=who.headers
            )
            assert resp.status_code == 200, resp.text
            assert resp.json()["feed_url"] == f"{url}feed.atom"
        finally:
            server.shutdown()
            server.server_close()

    def test_private_addresses_are_refused_by_default(
        self, database_url: str, tmp_path: Path
    ) -> None:
        app = create_app(make_settings(database_url, tmp_path, ssrf_allowed_networks=""))
        try:
            with TestClient(app) as client:
                who = person(app)
                body = {"platform": "blog", "value": "http://127.0.0.1:9/"}
                resp = client.post("/accounts/preview", json=body, headers=who.headers)
                assert resp.status_code == 422
                assert resp.json()["errors"][0]["field"] == "value"
        finally:
            empty_tables(app.state.engine, Base.metadata)
            app.state.engine.dispose()

    def test_an_allowed_origin_is_one_port_and_feeds_elsewhere_are_not_stored(
        self, database_url: str, tmp_path: Path
    ) -> None:
        with local_site() as blog, local_site() as other:
            other.add("/feed.xml", "<rss/>", content_type="application/rss+xml")
            feed = (
                f'<link rel="alternate" type="application/rss+xml" href="{other.url("/feed.xml")}">'
            )
            blog.add("/", f"<html><head>{feed}</head></html>")
            allowed = f"127.0.0.1:{blog.port}"
            app = create_app(make_settings(database_url, tmp_path, ssrf_allowed_networks=allowed))
            try:
                with TestClient(app) as client:
                    who = person(app)
                    body = {"platform": "blog", "value": blog.url("/"), "public": False}
                    resp = client.post("/me/accounts", json=body, headers=who.headers)
                    assert resp.status_code == 201, resp.text
                    assert resp.json()["feed_url"] is None
                    body = {"platform": "blog", "value": other.url("/")}
                    refused = client.post("/accounts/preview", json=body, headers=who.headers)
                    assert refused.status_code == 422
                assert other.requests == []
            finally:
                empty_tables(app.state.engine, Base.metadata)
                app.state.engine.dispose()
