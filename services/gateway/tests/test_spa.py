"""The SPA under /app/: files, client-route fallback, cache headers, placeholder."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
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


JS = b"console.log('spa')"


@pytest.fixture
def precompressed(spa_dir: Path) -> Path:
    asset = spa_dir / "assets" / "index-3f2a1b.js"
    asset.with_name(asset.name + ".gz").write_bytes(gzip.compress(JS))
    asset.with_name(asset.name + ".br").write_bytes(b"brotli bytes, not decoded here")
    (spa_dir / "index.html.gz").write_bytes(gzip.compress(b"<!doctype html>gz"))
    return asset


def raw(client: TestClient, path: str, accept: str) -> tuple[httpx.Headers, bytes]:
    with client.stream("GET", path, headers={"Accept-Encoding": accept}) as resp:
        assert resp.status_code == 200
        return resp.headers, b"".join(resp.iter_raw())


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [
        ("gzip, deflate, br, zstd", "br"),
        ("gzip, br;q=0.5", "gzip"),
        ("gzip", "gzip"),
        ("br;q=0, gzip;q=0", None),
        ("identity", None),
        ("", None),
        ("*", "br"),
    ],
)
def test_precompressed_assets_by_accept_encoding(
    client: TestClient, precompressed: Path, accept: str, encoding: str | None
) -> None:
    headers, body = raw(client, "/app/assets/index-3f2a1b.js", accept)
    assert headers.get("content-encoding") == encoding
    assert headers["content-type"].startswith("text/javascript")
    assert headers["vary"] == "Accept-Encoding"
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    suffix = {"br": ".br", "gzip": ".gz", None: ""}[encoding]
    assert body == precompressed.with_name(precompressed.name + suffix).read_bytes()
    assert headers["content-length"] == str(len(body))


def test_each_encoding_has_its_own_etag(client: TestClient, precompressed: Path) -> None:
    tags = {raw(client, "/app/assets/index-3f2a1b.js", a)[0]["etag"] for a in ("br", "gzip", "")}
    assert len(tags) == 3


def test_client_routes_get_the_compressed_index(client: TestClient, precompressed: Path) -> None:
    headers, body = raw(client, "/app/directory", "gzip")
    assert headers["content-encoding"] == "gzip" and headers["cache-control"] == "no-cache"
    assert headers["content-type"].startswith("text/html")
    assert gzip.decompress(body) == b"<!doctype html>gz"


def test_files_without_variants_are_sent_as_they_are(client: TestClient) -> None:
    resp = client.get("/app/favicon.svg", headers={"Accept-Encoding": "br, gzip"})
    assert "content-encoding" not in resp.headers and "vary" not in resp.headers
    assert resp.text == "<svg/>"
