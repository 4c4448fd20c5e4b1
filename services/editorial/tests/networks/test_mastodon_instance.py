"""A network's Mastodon instance (issue 8): its limit, read once when the settings are saved,
is what the network's grids count Mastodon variants against; without one (or unreadable), 500.

The instance is a local HTTP server speaking the Mastodon instance API; the SSRF allow-list
names exactly its host and port, and nothing else.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from editorial_factories import World, make_world, new_grid
from extras_factories import document, entry, grid, import_json, variant
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.ssrf import SSRFGuard
from relais_common.testing import empty_tables
from relais_common.testing_http import LocalSite, local_site
from relais_editorial.counting.instances import InstanceLimit, InstanceLimits
from relais_editorial.models import Base
from relais_editorial.networks.repository import SettingsRepository

A = "/networks/cloud-security"
SETTINGS = f"{A}/settings"
DISCLOSURE = "#JeTravailleChezRelaisDemoCompany"
TEXT_700 = "a" * 700  # with the disclosure 735: over 500, within 1000


def instance_json(limit: int) -> str:
    return json.dumps({"domain": "x", "configuration": {"statuses": {"max_characters": limit}}})


@pytest.fixture
def site() -> Iterator[LocalSite]:
    with local_site() as s:
        s.add("/api/v2/instance", instance_json(1000), content_type="application/json")
        yield s


def reaching(app: FastAPI, site: LocalSite, limits: type[InstanceLimits] = InstanceLimits) -> None:
    """The app's instance limits may reach exactly the local instance (host and port)."""
    app.state.instance_limits = limits(SSRFGuard(f"127.0.0.1:{site.port}"))


@pytest.fixture
def world(app: FastAPI, client: TestClient) -> World:
    return make_world(app, client)


def save(world: World, instance: str | None, **over: Any) -> Any:
    current = world.client.get(SETTINGS, headers=world.headers("chair_a"))
    body = {"approval_mode": "required", "mastodon_instance": instance} | over
    headers = world.headers("chair_a") | {"If-Match": current.headers["ETag"]}
    return world.client.put(SETTINGS, json=body, headers=headers)


def add_mastodon_variant(world: World, text: str = TEXT_700) -> Any:
    grid = new_grid(world).json()
    headers = world.headers("committee_a") | {"If-Match": f'"{grid["id"]}.{grid["version"]}"'}
    body = {"platform": "mastodon", "language": "en", "text": text}
    return world.client.post(f"{A}/grids/{grid['id']}/variants", json=body, headers=headers)


class TestAnInstanceWithItsOwnLimit:
    def test_its_limit_is_read_once_stored_and_shown(self, world: World, site: LocalSite) -> None:
        reaching(world.app, site)
        resp = save(world, site.url("/"))
        assert resp.status_code == 200, resp.text
        expected = {
            "mastodon_instance": f"127.0.0.1:{site.port}".join(["http://", ""]),
            "mastodon_limit": 1000,
            "mastodon_limit_source": "instance",
        }
        assert {k: resp.json()[k] for k in expected} == expected
        read = world.client.get(SETTINGS, headers=world.headers("member_a")).json()
        assert {k: read[k] for k in expected} == expected
        assert site.requests == ["/api/v2/instance"]

    def test_a_700_character_variant_passes_and_reads_against_1000(
        self, world: World, site: LocalSite
    ) -> None:
        reaching(world.app, site)
        assert save(world, site.url("/")).status_code == 200
        resp = add_mastodon_variant(world)
        assert resp.status_code == 201, resp.text
        grid = resp.json()
        assert grid["mastodon_limit"] == 1000
        (variant,) = [v for v in grid["variants"] if v["platform"] == "mastodon"]
        assert (variant["count"], variant["limit"]) == (700 + 2 + len(DISCLOSURE), 1000)
        assert variant["over_limit"] is False
        listed = world.client.get(
            f"{A}/entries/{grid['entry_id']}/grids", headers=world.headers("member_a")
        ).json()["items"]
        (listed,) = [g for g in listed if g["id"] == grid["id"]]
        assert [v["limit"] for v in listed["variants"] if v["platform"] == "mastodon"] == [1000]
        assert site.requests == ["/api/v2/instance"]  # grids read the stored limit, never ask

    def test_past_the_instance_limit_is_refused_with_the_count_and_that_limit(
        self, world: World, site: LocalSite
    ) -> None:
        reaching(world.app, site)
        assert save(world, site.url("/")).status_code == 200
        resp = add_mastodon_variant(world, "a" * 990)
        assert resp.status_code == 422
        assert (resp.json()["count"], resp.json()["limit"]) == (990 + 2 + len(DISCLOSURE), 1000)
        assert resp.json()["type"].endswith("/too-long")

    def test_an_import_counts_against_it_too(self, world: World, site: LocalSite) -> None:
        doc = document(
            entry("Imported", "2026-12-12", grid("G", variant("mastodon", "en", TEXT_700)))
        )
        as_chair = world.headers("chair_a") | {"Content-Type": "application/json"}
        refused = world.client.post(
            f"{A}/calendar/import", content=json.dumps(doc), headers=as_chair
        )
        assert refused.status_code == 422  # against 500
        reaching(world.app, site)
        assert save(world, site.url("/")).status_code == 200
        import_json(world.client, A, world.headers("chair_a"), doc)


class TestWithoutAnInstance:
    def test_the_same_variant_is_refused_against_500(self, world: World) -> None:
        resp = add_mastodon_variant(world)
        assert resp.status_code == 422
        assert (resp.json()["count"], resp.json()["limit"]) == (700 + 2 + len(DISCLOSURE), 500)

    def test_the_settings_say_500_by_default(self, world: World) -> None:
        read = world.client.get(SETTINGS, headers=world.headers("member_a")).json()
        assert (read["mastodon_instance"], read["mastodon_limit"]) == (None, 500)
        assert read["mastodon_limit_source"] == "default"

    def test_clearing_the_instance_goes_back_to_500(self, world: World, site: LocalSite) -> None:
        reaching(world.app, site)
        assert save(world, site.url("/")).json()["mastodon_limit"] == 1000
        cleared = save(world, None)
        assert cleared.status_code == 200
        assert (cleared.json()["mastodon_limit"], cleared.json()["mastodon_limit_source"]) == (
            500,
            "default",
        )
        assert add_mastodon_variant(world).status_code == 422


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port  # closed again: nothing listens there


class TestAnInstanceThatCannotBeRead:
    def test_an_unreachable_instance_stores_500_and_says_so(self, world: World) -> None:
        port = closed_port()
        world.app.state.instance_limits = InstanceLimits(SSRFGuard(f"127.0.0.1:{port}"))
        resp = save(world, f"http://127.0.0.1:{port}")
        assert resp.status_code == 200, resp.text
        assert (resp.json()["mastodon_limit"], resp.json()["mastodon_limit_source"]) == (
            500,
            "default",
        )
        assert resp.json()["mastodon_instance"] == f"http://127.0.0.1:{port}"
        assert add_mastodon_variant(world).status_code == 422

    def test_an_address_the_ssrf_guard_refuses_is_never_fetched(
        self, world: World, site: LocalSite
    ) -> None:
        # the app's own guard: loopback is not allowed
        resp = save(world, site.url("/"))
        assert resp.status_code == 200
        assert resp.json()["mastodon_limit_source"] == "default"
        assert site.requests == []

    def test_an_answer_that_is_not_json_stores_500(self, world: World, site: LocalSite) -> None:
        site.add("/api/v2/instance", "<html>maintenance</html>", content_type="text/html")
        site.add("/api/v1/instance", "not json", content_type="application/json")
        reaching(world.app, site)
        resp = save(world, site.url("/"))
        assert (resp.json()["mastodon_limit"], resp.json()["mastodon_limit_source"]) == (
            500,
            "default",
        )


class TestRefusedWrites:
    @pytest.mark.parametrize(
        "instance", ["not a host", "a..b", "https://x.org/path", "@x", "x" * 301]
    )
    def test_a_bad_host_is_a_field_error(
        self, world: World, site: LocalSite, instance: str
    ) -> None:
        reaching(world.app, site)
        resp = save(world, instance)
        assert resp.status_code == 422
        assert "mastodon_instance" in [e["field"] for e in resp.json()["errors"]]
        assert site.requests == []

    def test_a_stale_etag_is_refused_before_the_instance_is_asked(
        self, world: World, site: LocalSite
    ) -> None:
        reaching(world.app, site)
        stale = world.client.get(SETTINGS, headers=world.headers("chair_a")).headers["ETag"]
        assert save(world, None, approval_mode="none").status_code == 200
        body = {"approval_mode": "required", "mastodon_instance": site.url("/")}
        headers = world.headers("chair_a") | {"If-Match": stale}
        assert world.client.put(SETTINGS, json=body, headers=headers).status_code == 412
        assert site.requests == []

    def test_bad_steps_are_refused_before_the_instance_is_asked(
        self, world: World, site: LocalSite
    ) -> None:
        reaching(world.app, site)
        resp = save(world, site.url("/"), approval_mode="multi_step")
        assert resp.status_code == 422
        assert site.requests == []

    def test_only_the_chair_sets_the_instance(self, world: World, site: LocalSite) -> None:
        reaching(world.app, site)
        etag = world.client.get(SETTINGS, headers=world.headers("chair_a")).headers["ETag"]
        body = {"approval_mode": "required", "mastodon_instance": site.url("/")}
        for who in ("committee_a", "member_a", "chair_b"):
            headers = world.headers(who) | {"If-Match": etag}
            assert world.client.put(SETTINGS, json=body, headers=headers).status_code == 403
        assert site.requests == []

    def test_a_change_made_while_the_instance_answers_wins_with_412(
        self, world: World, site: LocalSite
    ) -> None:
        """The write checks If-Match again under the row's lock, after the fetch."""
        app = world.app

        class SomeoneElseSaves(InstanceLimits):
            async def lookup(self, instance: str) -> InstanceLimit:
                with app.state.sessionmaker.begin() as session:
                    row = SettingsRepository.from_session(session).of("net-a", for_update=True)
                    row.approval_mode, row.version = "none", row.version + 1
                return await super().lookup(instance)

        reaching(app, site, SomeoneElseSaves)
        resp = save(world, site.url("/"))
        assert resp.status_code == 412
        assert resp.json()["current"]["approval_mode"] == "none"
        read = world.client.get(SETTINGS, headers=world.headers("chair_a")).json()
        assert (read["mastodon_instance"], read["mastodon_limit"]) == (None, 500)


def test_no_database_connection_is_held_while_the_instance_answers(
    relais_service: Any, database_url: str, site: LocalSite
) -> None:
    """On an app whose sessions use the pool as deployed (not the tests' outer transaction)."""
    app = relais_service.make_app(database_url)
    checked_out: list[int] = []

    class Watching(InstanceLimits):
        async def lookup(self, instance: str) -> InstanceLimit:
            checked_out.append(app.state.engine.pool.checkedout())
            return await super().lookup(instance)

    try:
        with TestClient(app) as client:
            world = make_world(app, client)
            reaching(app, site, Watching)
            resp = save(world, site.url("/"))
            assert resp.status_code == 200, resp.text
            assert resp.json()["mastodon_limit"] == 1000
        assert checked_out == [0]
    finally:
        empty_tables(app.state.engine, Base.metadata)
        app.state.engine.dispose()
