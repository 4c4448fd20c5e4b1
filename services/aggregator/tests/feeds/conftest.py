"""Feed tests: a scripted local HTTP server, settings that allow exactly that one server, and
a helper that runs one refresh round like the job does."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests import feed_site

from feed_site import FeedSite, feed_site
from relais_aggregator.config import Settings


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with feed_site() as running:
        yield running


@pytest.fixture
def settings(app: FastAPI, site: FeedSite) -> Settings:
    """Only the one test server (its address AND port) is exempt from the SSRF deny list."""
    current: Settings = app.state.settings
    return current.model_copy(
        update={
            "ssrf_allowed_networks": f"127.0.0.1:{site.port}",
            "feed_timeout_seconds": 2.0,
            "feed_max_bytes": 256 * 1024,
            "company_url": "https://acme.example",
        }
    )
