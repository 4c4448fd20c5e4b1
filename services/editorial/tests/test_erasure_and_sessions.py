"""Erasure keeps what a person wrote for a network but forgets them; dead sessions are refused."""

from __future__ import annotations

import time

import pytest
from editorial_factories import World, apply_event, make_world, new_grid
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.auth import IDENTITY_HEADER, issue_identity_token
from relais_common.testing import TEST_SECRET

A = "/networks/cloud-security"


@pytest.fixture
def world(app: FastAPI, client: TestClient) -> World:
    return make_world(app, client)


def test_an_erased_author_leaves_the_grid_without_their_id(app: FastAPI, world: World) -> None:
    grid = new_grid(world, who="committee_a").json()
    world.client.post(
        f"{A}/grids/{grid['id']}/comments",
        json={"body": "Draft 1"},
        headers=world.headers("committee_a"),
    )
    etag = world.client.get(f"{A}/settings", headers=world.headers("chair_a")).headers["ETag"]
    world.client.put(
        f"{A}/settings",
        json={
            "approval_mode": "multi_step",
            "approval_steps": [
                {"name": "Review", "approvers": ["p-committee-a", "p-chair-a"], "rule": "all"}
            ],
        },
        headers=world.headers("chair_a") | {"If-Match": etag},
    )
    apply_event(app, "ambassador.erased", {"id": "p-committee-a"})

    read = world.client.get(f"{A}/grids/{grid['id']}", headers=world.headers("chair_a")).json()
    assert (read["author_id"], read["author_name"], read["title"]) == (None, None, grid["title"])
    assert len(read["variants"]) == 2  # the network's content stays
    comments = world.client.get(
        f"{A}/grids/{grid['id']}/comments", headers=world.headers("chair_a")
    )
    assert [(c["author_id"], c["body"]) for c in comments.json()["items"]] == [(None, "Draft 1")]
    history = world.client.get(f"{A}/grids/{grid['id']}/history", headers=world.headers("chair_a"))
    assert {r["actor_id"] for r in history.json()["items"]} == {None}
    entry = world.client.get(f"{A}/entries/{grid['entry_id']}", headers=world.headers("chair_a"))
    assert entry.json()["owner_id"] == "p-chair-a"  # seeded by the chair: not theirs
    steps = world.client.get(f"{A}/settings", headers=world.headers("chair_a")).json()
    assert steps["approval_steps"][0]["approvers"] == ["p-chair-a"]
    members = world.client.get(f"{A}/members", headers=world.headers("chair_a")).json()
    assert "p-committee-a" not in [m["person_id"] for m in members["items"]]
    # and they are nobody here any more
    assert world.client.get(A, headers=world.headers("committee_a")).status_code == 403
    export = world.client.get("/me/export", headers=world.headers("committee_a")).json()["data"]
    assert (export["networks"], export["grids"], export["comments"]) == ([], [], [])


def test_the_export_lists_what_the_person_wrote(world: World) -> None:
    grid = new_grid(world, who="committee_a").json()
    data = world.client.get("/me/export", headers=world.headers("committee_a")).json()["data"]
    # two grids: the seeded one and this one, both by committee A
    assert sorted(g["id"] for g in data["grids"]) == sorted([world.ids["grid"], grid["id"]])
    assert data["networks"][0]["role"] == "committee"
    assert [r["action"] for r in data["reviews"]["history"]] == ["created", "created"]
    chair = world.client.get("/me/export", headers=world.headers("chair_a")).json()["data"]
    assert chair["grids"] == [] and [e["id"] for e in chair["calendar_entries"]] == [
        world.ids["entry"]
    ]


def test_an_expired_or_forged_session_is_refused(world: World) -> None:
    expired = issue_identity_token(TEST_SECRET, "p-chair-a", {"ambassador"}, ttl=-10)
    forged = issue_identity_token("x" * 40, "p-chair-a", {"ambassador"})
    for token in (expired, forged):
        resp = world.client.get(A, headers={IDENTITY_HEADER: token})
        assert resp.status_code == 401
    fresh = issue_identity_token(
        TEST_SECRET, "p-chair-a", {"ambassador"}, signed_in_ms=int(time.time() * 1000)
    )
    assert world.client.get(A, headers={IDENTITY_HEADER: fresh}).status_code == 200
