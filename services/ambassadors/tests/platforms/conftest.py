"""Fixtures for the platform rules: guards, and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from relais_common.ssrf import SSRFGuard
from relais_common.testing_http import LocalSite, local_site


@pytest.fixture
def site() -> Iterator[LocalSite]:
    with local_site() as local:
        yield local


@pytest.fixture
def loopback_guard() -> SSRFGuard:
    """Allows loopback only: what the blog tests need, and nothing else."""
    return SSRFGuard("127.0.0.0/8")


@pytest.fixture
def guard() -> SSRFGuard:
    """The production guard: no private network allowed."""
    return SSRFGuard()
