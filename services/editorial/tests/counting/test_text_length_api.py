"""POST /text-length: the integration API (the gateway serves it at /api/editorial/text-length)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.testing import TEST_SECRET, identity_headers
from relais_common.testing_http import LocalSite, local_site
from relais_editorial.config import Settings
from relais_editorial.counting.instances import (
    DEFAULT_LIMIT,
    FAILURE_TTL_SECONDS,
    TTL_SECONDS,
    InstanceLimits,
)
from relais_editorial.counting.schemas import MAX_TEXT_CHARS
from relais_editorial.main import create_app

URL = "/text-length"


def who() -> dict[str, str]:
    return identity_headers("u-1", {"ambassador"})


class TestAccess:
    def test_anonymous_is_refused(self, client: TestClient) -> None:
        resp = client.post(URL, json={"platform": "x", "text": "hi"})
        assert resp.status_code == 401
        assert resp.headers["content-type"] == "application/problem+json"

    def test_any_signed_in_person_counts(self, client: TestClient) -> None:
        resp = client.post(URL, json={"platform": "x", "text": "Hi http://test.co"}, headers=who())
        assert resp.status_code == 200, resp.text
        assert resp.json() == {"count": 26, "limit": 280}


class TestInput:
    def test_each_platform_answers_its_count_and_limit(self, client: TestClient) -> None:
        family = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
        expected = {
            "x": (2, 280),
            "mastodon": (1, 500),
            "bluesky": (1, 300),
            "threads": (1, 500),
            "linkedin": (11, 3000),
            "instagram": (11, 2200),
            "facebook": (11, 63206),
        }
        for platform, (count, limit) in expected.items():
            body = {"platform": platform, "text": family}
            answer = client.post(URL, json=body, headers=who()).json()
            assert answer == {"count": count, "limit": limit}, platform

    def test_unknown_platform_is_a_field_error(self, client: TestClient) -> None:
        resp = client.post(URL, json={"platform": "myspace", "text": "hi"}, headers=who())
        assert resp.status_code == 422
        problem = resp.json()
        assert problem["errors"][0]["field"] == "platform"
        assert "mastodon" in problem["errors"][0]["message"]

    def test_unknown_fields_are_refused(self, client: TestClient) -> None:
        body = {"platform": "x", "text": "hi", "limit": 9000}
        resp = client.post(URL, json=body, headers=who())
        assert resp.status_code == 422
        assert resp.json()["errors"][0]["field"] == "limit"

    def test_text_is_bounded(self, client: TestClient) -> None:
        body = {"platform": "x", "text": "a" * (MAX_TEXT_CHARS + 1)}
        resp = client.post(URL, json=body, headers=who())
        assert resp.status_code == 422
        assert resp.json()["errors"][0]["field"] == "text"
        ok = client.post(URL, json={"platform": "x", "text": "a" * MAX_TEXT_CHARS}, headers=who())
        assert ok.json() == {"count": MAX_TEXT_CHARS, "limit": 280}

    @pytest.mark.parametrize("instance", ["not a host", "a..b", "https://x.org/path", "@x"])
    def test_a_broken_instance_is_a_field_error(self, client: TestClient, instance: str) -> None:
        body = {"platform": "mastodon", "text": "hi", "instance": instance}
        resp = client.post(URL, json=body, headers=who())
        assert resp.status_code == 422
        assert resp.json()["errors"][0]["field"] == "instance"

    def test_instance_is_ignored_for_other_platforms(self, client: TestClient) -> None:
        body = {"platform": "bluesky", "text": "hi", "instance": "mastodon.example"}
        assert client.post(URL, json=body, headers=who()).json() == {"count": 2, "limit": 300}


def instance_json(limit: int) -> str:
    return json.dumps({"domain": "x", "configuration": {"statuses": {"max_characters": limit}}})


@contextmanager
def app_reaching(site: LocalSite | None, database_url: str) -> Iterator[FastAPI]:
    allowed = f"127.0.0.1:{site.port}" if site else ""
    settings = Settings(
        database_url=database_url,
        internal_secret=TEST_SECRET,
        env="test",
        run_workers=False,
        ssrf_allowed_networks=allowed,
        gc_freeze=False,
    )
    app = create_app(settings)
    try:
        yield app
    finally:
        app.state.engine.dispose()


def ask(client: TestClient, instance: str, text: str = "hi") -> dict[str, int]:
    body = {"platform": "mastodon", "text": text, "instance": instance}
    resp = client.post(URL, json=body, headers=who())
    assert resp.status_code == 200, resp.text
    answer: dict[str, int] = resp.json()
    return answer


class TestMastodonInstanceLimit:
    def test_the_v2_api_gives_the_limit_and_it_is_remembered(self, database_url: str) -> None:
        with local_site() as site, app_reaching(site, database_url) as app:
            site.add("/api/v2/instance", instance_json(11_000), content_type="application/json")
            with TestClient(app) as client:
                instance = site.url("/").rstrip("/")
                assert ask(client, instance) == {"count": 2, "limit": 11_000}
                assert ask(client, instance, "a" * 600) == {"count": 600, "limit": 11_000}
            assert site.requests == ["/api/v2/instance"]

    def test_the_v1_api_is_the_fallback(self, database_url: str) -> None:
        with local_site() as site, app_reaching(site, database_url) as app:
            v1 = json.dumps({"uri": "x", "max_toot_chars": 5000})
            site.add("/api/v1/instance", v1, content_type="application/json")
            with TestClient(app) as client:
                assert ask(client, site.url("/"))["limit"] == 5000
            assert site.requests == ["/api/v2/instance", "/api/v1/instance"]

    def test_a_failing_instance_counts_against_500_and_is_not_asked_again_soon(
        self, database_url: str
    ) -> None:
        with local_site() as site, app_reaching(site, database_url) as app:
            site.add("/api/v2/instance", "<html>maintenance</html>", status=503)
            site.add("/api/v1/instance", "not json", content_type="application/json")
            with TestClient(app) as client:
                assert ask(client, site.url("/"))["limit"] == 500
                assert ask(client, site.url("/"))["limit"] == 500
            assert len(site.requests) == 2

    def test_an_instance_at_a_refused_address_is_never_fetched(self, database_url: str) -> None:
        with local_site() as site, app_reaching(None, database_url) as app:
            site.add("/api/v2/instance", instance_json(9999), content_type="application/json")
            with TestClient(app) as client:
                assert ask(client, site.url("/"))["limit"] == 500
            assert site.requests == []

    def test_an_absurd_limit_is_not_believed(self, database_url: str) -> None:
        with local_site() as site, app_reaching(site, database_url) as app:
            site.add("/api/v2/instance", instance_json(-3), content_type="application/json")
            with TestClient(app) as client:
                assert ask(client, site.url("/"))["limit"] == 500


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_limits_expire_failures_sooner_and_the_cache_is_bounded() -> None:
    from relais_common.ssrf import SSRFGuard

    with local_site() as site:
        site.add("/api/v2/instance", instance_json(1234), content_type="application/json")
        clock = FakeClock()
        limits = InstanceLimits(SSRFGuard(f"127.0.0.1:{site.port}"), clock=clock)
        origin = site.url("/").rstrip("/")
        assert await limits.limit(origin) == 1234
        clock.now = TTL_SECONDS - 1
        assert await limits.limit(origin) == 1234
        assert len(site.requests) == 1
        clock.now = TTL_SECONDS + 1
        site.add("/api/v2/instance", "gone", status=404)
        assert await limits.limit(origin) == 500
        assert len(site.requests) == 3  # v2 again, then v1
        clock.now += FAILURE_TTL_SECONDS - 1
        assert await limits.limit(origin) == 500
        assert len(site.requests) == 3
        clock.now += 2
        await limits.limit(origin)
        assert len(site.requests) == 5

    for i in range(1100):
        limits._remember(f"https://i{i}.example", DEFAULT_LIMIT, 10.0)
    assert len(limits.cache) == 1024
    assert "https://i0.example" not in limits.cache
