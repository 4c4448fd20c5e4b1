"""The review workflow: modes, nobody approves their own grid, the chair publishes, If-Match."""

from __future__ import annotations

from typing import Any

import pytest
from editorial_factories import World, make_world, member, new_grid
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.querycount import count_queries

A = "/networks/cloud-security"


@pytest.fixture
def world(app: FastAPI, client: TestClient) -> World:
    world = make_world(app, client)
    member(app, "net-a", "p-committee-a2", "committee")
    return world


class Grid:
    """A grid and its last ETag, acted upon by the cast."""

    def __init__(self, world: World, who: str = "committee_a") -> None:
        self.world = world
        created = new_grid(world, who=who)
        self.id, self.etag = created.json()["id"], created.headers["ETag"]
        self.body: dict[str, Any] = created.json()

    def act(self, action: str, who: str, body: dict[str, Any] | None = None) -> Any:
        resp = self.world.client.post(
            f"{A}/grids/{self.id}/{action}",
            json=body or {},
            headers=self.world.headers(who) | {"If-Match": self.etag},
        )
        if resp.status_code == 200:
            self.etag, self.body = resp.headers["ETag"], resp.json()
        return resp


def set_mode(world: World, mode: str, steps: list[dict[str, Any]] | None = None) -> None:
    url = f"{A}/settings"
    etag = world.client.get(url, headers=world.headers("chair_a")).headers["ETag"]
    resp = world.client.put(
        url,
        json={"approval_mode": mode, "approval_steps": steps or []},
        headers=world.headers("chair_a") | {"If-Match": etag},
    )
    assert resp.status_code == 200, resp.text


def test_the_journey_submit_changes_fix_approve_publish(world: World) -> None:
    grid = Grid(world)
    assert grid.act("submit", "committee_a").json()["status"] == "in_review"
    assert grid.act("request-changes", "chair_a", {"comment": "Shorter, please"}).status_code == 200
    assert grid.body["status"] == "changes_requested"
    comments = world.client.get(f"{A}/grids/{grid.id}/comments", headers=world.headers("member_a"))
    assert [(c["author_id"], c["body"]) for c in comments.json()["items"]] == [
        ("p-chair-a", "Shorter, please")
    ]
    x = next(v for v in grid.body["variants"] if v["platform"] == "x")
    fixed = world.client.patch(
        f"{A}/variants/{x['id']}",
        json={"text": "Zero trust, now."},
        headers=world.headers("committee_a") | {"If-Match": f'"{x["id"]}.1"'},
    )
    assert fixed.status_code == 200
    grid.etag = f'"{grid.id}.{fixed.json()["version"]}"'
    assert grid.act("submit", "committee_a").json()["review"]["round"] == 2
    assert grid.act("approve", "chair_a").json()["status"] == "approved"
    assert grid.act("publish", "chair_a").json()["status"] == "published"
    assert grid.body["offered"] is True
    history = world.client.get(f"{A}/grids/{grid.id}/history", headers=world.headers("chair_a"))
    assert [r["action"] for r in history.json()["items"]] == [
        "created",
        "submitted",
        "changes_requested",
        "variant_edited",
        "submitted",
        "approved",
        "published",
    ]


def test_nobody_approves_their_own_grid(world: World) -> None:
    grid = Grid(world, who="chair_a")
    grid.act("submit", "chair_a")
    assert grid.body["review"]["can_approve"] is False
    assert grid.act("approve", "chair_a").status_code == 403
    assert grid.act("approve", "committee_a").status_code == 200


def test_members_cannot_review_and_only_the_chair_publishes(world: World) -> None:
    grid = Grid(world)
    grid.act("submit", "committee_a")
    assert grid.act("approve", "member_a").status_code == 403
    assert grid.act("approve", "chair_b").status_code == 403
    grid.act("approve", "committee_a2")
    assert grid.act("publish", "committee_a2").status_code == 403
    assert grid.act("publish", "chair_a").status_code == 200


def test_a_stale_action_gets_412(world: World) -> None:
    grid = Grid(world)
    old = grid.etag
    grid.act("submit", "committee_a")
    grid.etag = old
    resp = grid.act("approve", "chair_a")
    assert resp.status_code == 412
    assert resp.json()["current"]["status"] == "in_review"


def test_required_mode_publishes_only_approved_grids(world: World) -> None:
    grid = Grid(world)
    assert grid.act("publish", "chair_a").status_code == 409
    grid.act("submit", "committee_a")
    assert grid.act("publish", "chair_a").status_code == 409


def test_a_grid_in_review_cannot_be_edited(world: World) -> None:
    grid = Grid(world)
    grid.act("submit", "committee_a")
    resp = world.client.patch(
        f"{A}/grids/{grid.id}",
        json={"title": "Sneaky"},
        headers=world.headers("chair_a") | {"If-Match": grid.etag},
    )
    assert resp.status_code == 409


def test_none_mode_approves_on_submit(world: World) -> None:
    set_mode(world, "none")
    grid = Grid(world)
    assert grid.act("submit", "committee_a").json()["status"] == "approved"


def test_optional_mode_lets_the_chair_publish_a_draft(world: World) -> None:
    set_mode(world, "optional")
    grid = Grid(world)
    assert grid.act("publish", "chair_a").json()["status"] == "published"


def test_multi_step_any_then_all(world: World) -> None:
    set_mode(
        world,
        "multi_step",
        [
            {"name": "Relecture", "approvers": ["p-committee-a", "p-committee-a2"], "rule": "any"},
            {"name": "Validation", "approvers": ["p-chair-a", "p-committee-a2"], "rule": "all"},
        ],
    )
    grid = Grid(world, who="committee_a")
    grid.act("submit", "committee_a")
    assert grid.body["review"]["current_step"] == 0
    assert grid.act("approve", "chair_a").status_code == 403  # not a step-1 approver
    assert grid.act("approve", "committee_a2").json()["review"]["current_step"] == 1
    assert grid.act("approve", "committee_a2").json()["status"] == "in_review"
    assert grid.body["review"]["current_step"] == 1
    assert grid.act("approve", "committee_a2").status_code == 403  # already approved this step
    assert grid.act("approve", "chair_a").json()["status"] == "approved"


def test_a_step_only_the_author_could_approve_blocks_the_submission(world: World) -> None:
    set_mode(world, "multi_step", [{"name": "Me", "approvers": ["p-committee-a"], "rule": "any"}])
    grid = Grid(world, who="committee_a")
    assert grid.act("submit", "committee_a").status_code == 409


def test_the_review_queue_counts_what_awaits_me(world: World) -> None:
    grid = Grid(world)
    queue = world.client.get("/reviews/queue", headers=world.headers("chair_a")).json()
    assert queue == {"count": 0, "items": []}
    grid.act("submit", "committee_a")
    queue = world.client.get("/reviews/queue", headers=world.headers("chair_a")).json()
    assert queue["count"] == 1
    assert queue["items"][0]["grid_id"] == grid.id
    assert queue["items"][0]["network_slug"] == "cloud-security"
    mine = world.client.get("/reviews/queue", headers=world.headers("committee_a")).json()
    assert mine["count"] == 0  # the author's own grid
    assert (
        world.client.get("/reviews/queue", headers=world.headers("member_a")).json()["count"] == 0
    )
    grid.act("approve", "chair_a")
    assert world.client.get("/reviews/queue", headers=world.headers("chair_a")).json()["count"] == 0


def test_comments_on_a_variant_and_refusals(world: World) -> None:
    grid = Grid(world)
    variant = grid.body["variants"][0]["id"]
    url = f"{A}/grids/{grid.id}/comments"
    ok = world.client.post(
        url, json={"body": "Nice", "variant_id": variant}, headers=world.headers("chair_a")
    )
    assert ok.status_code == 201 and ok.json()["variant_id"] == variant
    assert ok.json()["author_name"] == "P Chair A"
    bad = world.client.post(
        url, json={"body": "x", "variant_id": "nope"}, headers=world.headers("chair_a")
    )
    assert bad.status_code == 422
    assert (
        world.client.post(url, json={"body": "x"}, headers=world.headers("member_a")).status_code
        == 403
    )
    empty = world.client.post(url, json={"body": "\u200b "}, headers=world.headers("chair_a"))
    assert empty.status_code == 422


def test_a_change_request_needs_a_comment(world: World) -> None:
    grid = Grid(world)
    grid.act("submit", "committee_a")
    assert grid.act("request-changes", "chair_a", {}).status_code == 422


def _queue_queries(world: World) -> tuple[int, int]:
    with count_queries(world.app.state.engine) as queries:
        queue = world.client.get("/reviews/queue", headers=world.headers("chair_a")).json()
    return queue["count"], len(queries)


def test_the_review_queue_costs_the_same_queries_whatever_its_length(world: World) -> None:
    set_mode(world, "multi_step", [{"name": "Chair", "approvers": ["p-chair-a"], "rule": "any"}])
    first = Grid(world)
    first.act("submit", "committee_a")
    one = _queue_queries(world)
    for who in ("committee_a", "committee_a2", "committee_a", "committee_a2"):
        Grid(world, who=who).act("submit", who)
    five = _queue_queries(world)
    assert (one[0], five[0]) == (1, 5)
    assert five[1] == one[1]
