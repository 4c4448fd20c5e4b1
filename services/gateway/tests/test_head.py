"""HEAD is answered wherever GET is (it was 405 on the public page), with no body."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from relais_aggregator.config import Settings as AggregatorSettings
from relais_aggregator.main import create_app as create_aggregator
from relais_common.migrations import upgrade
from relais_common.testing import TEST_SECRET

from .upstream import serve


def test_head_of_the_real_public_page(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'aggregator.db'}"
    upgrade(Path(__file__).resolve().parents[2] / "aggregator", url)
    aggregator = create_aggregator(
        AggregatorSettings(
            database_url=url,
            internal_secret=TEST_SECRET,
            env="test",
            run_workers=False,
        )
    )
    with serve(aggregator) as aggregator_url:
        client = make_client(aggregator_url=aggregator_url)
        page = client.get("/")
        assert page.status_code == 200 and page.content
        head = client.head("/")
        assert head.status_code == 200
        assert head.content == b""
        assert head.headers["content-type"] == page.headers["content-type"]
        assert head.headers["content-length"] == page.headers["content-length"]
        assert head.headers.get("content-encoding") == page.headers.get("content-encoding")
        assert head.headers.get("etag") == page.headers.get("etag")


@pytest.mark.parametrize("path", ["/livez", "/app/", "/app/assets/index-3f2a1b.js", "/api/docs"])
def test_head_of_the_gateways_own_pages(client: TestClient, path: str) -> None:
    page = client.get(path)
    head = client.head(path)
    assert (head.status_code, head.content) == (page.status_code, b"")
    assert head.headers["content-length"] == str(len(page.content))
