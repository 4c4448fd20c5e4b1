"""The SPA under /app/: files, client-route fallback, cache headers, placeholder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient


def test_app_redirects_to_trailing_slash(client: TestClient) -> None:
    resp = client.get("/app", follow_redirects=False)
    assert resp.status_code == 308
    assert resp.headers["location"] == "/app/"


def test_index_is_served_and_revalidated(client: TestClient) -> None:
    resp = client.get("/app/")
    assert resp.status_code == 200 and "SPA" in resp.text
    assert resp.headers["cache-control"] == "no-cache"


def test_client_routes_fall_back_to_index(client: TestClient) -> None:
    resp = client.get("/app/networks/women-in-tech/calendar?view=week")
    assert resp.status_code == 200 and "SPA" in resp.text


def test_hashed_assets_are_immutable(client: TestClient) -> None:
    resp = client.get("/app/assets/index-3f2a1b.js")
    assert resp.status_code == 200 and "console.log" in resp.text
    assert resp.headers["cache-control"] == "public, max-age=31536000, immutable"
    other = client.get("/app/favicon.svg")
    assert other.status_code == 200 and "immutable" not in other.headers["cache-control"]


def test_missing_file_is_404_not_index(client: TestClient) -> None:
    resp = client.get("/app/assets/gone-123.js")
    assert resp.status_code == 404
    assert resp.headers["content-type"] == "application/problem+json"


def test_no_escape_from_the_dist_folder(client: TestClient, spa_dir: Path) -> None:
    (spa_dir.parent / "secret.txt").write_text("top secret")
    for path in ("/app/../secret.txt", "/app/%2e%2e/secret.txt", "/app/..%2fsecret.txt"):
        assert "top secret" not in client.get(path).text


def test_placeholder_when_not_built(make_client: Callable[..., TestClient], tmp_path: Path) -> None:
    client = make_client(spa_dir=tmp_path / "missing")
    resp = client.get("/app/")
    assert resp.status_code == 200
    assert "not built" in resp.text and "/api/docs" in resp.text
