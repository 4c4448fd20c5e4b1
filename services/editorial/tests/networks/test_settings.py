"""The committee's settings: approval mode and steps, disclosure; the chair edits with If-Match."""

from __future__ import annotations

from typing import Any

import pytest
from editorial_factories import World, make_world, network_changed
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.querycount import count_queries
from relais_editorial.networks.models import NetworkSettings
from relais_editorial.networks.repository import SettingsRepository
from sqlalchemy import delete, select

URL = "/networks/cloud-security/settings"


@pytest.fixture
def world(app: FastAPI, client: TestClient) -> World:
    return make_world(app, client)


def put(world: World, body: dict[str, Any], etag: str | None, who: str = "chair_a") -> Any:
    headers = world.headers(who) | ({"If-Match": etag} if etag else {})
    return world.client.put(URL, json=body, headers=headers)


def test_defaults_require_approval_and_use_the_company_disclosure(world: World) -> None:
    resp = world.client.get(URL, headers=world.headers("member_a"))
    assert resp.status_code == 200
    assert resp.json() == {
        "approval_mode": "required",
        "approval_steps": [],
        "disclosure": "#JeTravailleChezRelaisDemoCompany",
        "disclosure_is_default": True,
        "mastodon_instance": None,
        "mastodon_limit": 500,
        "mastodon_limit_source": "default",
        "version": 1,
    }
    assert resp.headers["ETag"]


def test_the_chair_sets_a_multi_step_mode_with_committee_approvers(world: World) -> None:
    etag = world.client.get(URL, headers=world.headers("chair_a")).headers["ETag"]
    body = {
        "approval_mode": "multi_step",
        "approval_steps": [
            {"name": "Relecture", "approvers": ["p-committee-a"], "rule": "any"},
            {"name": "Chair", "approvers": ["p-chair-a"], "rule": "all"},
        ],
        "disclosure": "#JeTravailleChezAcme",
    }
    resp = put(world, body, etag)
    assert resp.status_code == 200, resp.text
    assert resp.json()["approval_steps"][1]["name"] == "Chair"
    assert resp.json()["disclosure_is_default"] is False
    assert resp.headers["ETag"] != etag
    again = world.client.get(URL, headers=world.headers("member_a")).json()
    assert again["disclosure"] == "#JeTravailleChezAcme"


def test_a_stale_etag_gets_412_with_the_current_settings(world: World) -> None:
    etag = world.client.get(URL, headers=world.headers("chair_a")).headers["ETag"]
    assert put(world, {"approval_mode": "none"}, etag).status_code == 200
    stale = put(world, {"approval_mode": "optional"}, etag)
    assert stale.status_code == 412
    assert stale.json()["current"]["approval_mode"] == "none"
    assert stale.json()["current_etag"]


def test_without_if_match_the_write_is_refused(world: World) -> None:
    assert put(world, {"approval_mode": "none"}, None).status_code == 428


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"approval_mode": "multi_step"}, "approval_steps"),
        (
            {
                "approval_mode": "required",
                "approval_steps": [{"name": "x", "approvers": ["p-chair-a"]}],
            },
            "approval_steps",
        ),
        (
            {
                "approval_mode": "multi_step",
                "approval_steps": [{"name": "x", "approvers": ["p-member-a"]}],
            },
            "approval_steps.0.approvers",
        ),
        ({"approval_mode": "sometimes"}, "approval_mode"),
        ({"approval_mode": "none", "disclosure": "\u200b"}, "disclosure"),
    ],
)
def test_bad_settings_are_refused_field_by_field(
    world: World, body: dict[str, Any], field: str
) -> None:
    etag = world.client.get(URL, headers=world.headers("chair_a")).headers["ETag"]
    resp = put(world, body, etag)
    assert resp.status_code == 422
    assert field in [e["field"] for e in resp.json()["errors"]]


def test_only_the_chair_edits_the_settings(world: World) -> None:
    etag = world.client.get(URL, headers=world.headers("chair_a")).headers["ETag"]
    assert put(world, {"approval_mode": "none"}, etag, who="committee_a").status_code == 403
    assert put(world, {"approval_mode": "none"}, etag, who="chair_b").status_code == 403


def _settings_rows(app: FastAPI, network_id: str) -> list[NetworkSettings]:
    with app.state.sessionmaker() as session:
        statement = select(NetworkSettings).where(NetworkSettings.network_id == network_id)
        return list(session.scalars(statement))


def _forget_settings(app: FastAPI, network_id: str) -> None:
    """A network from before settings came with network.changed: no row yet."""
    with app.state.sessionmaker.begin() as session:
        session.execute(delete(NetworkSettings).where(NetworkSettings.network_id == network_id))


def test_a_network_gets_its_settings_row_when_it_appears(world: World) -> None:
    rows = _settings_rows(world.app, "net-a")
    assert [(r.approval_mode, r.version, r.path_version) for r in rows] == [("required", 1, 1)]
    network_changed(world.app, "net-a", "cloud-security", name="Renamed")  # again: still one
    assert len(_settings_rows(world.app, "net-a")) == 1


def test_reading_settings_writes_nothing(world: World) -> None:
    with count_queries(world.app.state.engine) as queries:
        assert world.client.get(URL, headers=world.headers("member_a")).status_code == 200
        path = "/networks/cloud-security/path"
        assert world.client.get(path, headers=world.headers("member_a")).status_code == 200
    writes = ("INSERT", "UPDATE", "DELETE")  # the tests' outer transaction adds SAVEPOINTs
    assert [q for q in queries.statements if q.lstrip().upper().startswith(writes)] == []


def test_an_older_network_without_a_row_reads_the_defaults_and_stays_without(
    world: World,
) -> None:
    _forget_settings(world.app, "net-a")
    resp = world.client.get(URL, headers=world.headers("member_a"))
    assert resp.status_code == 200
    assert resp.json()["approval_mode"] == "required" and resp.json()["version"] == 1
    assert _settings_rows(world.app, "net-a") == []
    # its first write makes the row, from the defaults' ETag
    assert put(world, {"approval_mode": "none"}, resp.headers["ETag"]).status_code == 200
    assert [(r.approval_mode, r.version) for r in _settings_rows(world.app, "net-a")] == [
        ("none", 2)
    ]


def test_making_the_row_twice_keeps_one(world: World) -> None:
    _forget_settings(world.app, "net-a")
    with world.app.state.sessionmaker.begin() as session:
        SettingsRepository.from_session(session).ensure("net-a")
        SettingsRepository.from_session(session).ensure("net-a")
    assert len(_settings_rows(world.app, "net-a")) == 1
