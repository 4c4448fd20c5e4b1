"""Briefs: content to produce, attached to entries, assigned to any employee, with a status and
a due date; the committee writes them with If-Match, the assignee reports progress."""

from __future__ import annotations

from typing import Any

from editorial_factories import World, apply_event, make_world
from extras_factories import A, B, entry, seed
from fastapi import FastAPI
from fastapi.testclient import TestClient


def world_with_entry(app: FastAPI, client: TestClient) -> tuple[World, str]:
    world = make_world(app, client)
    [entry_id] = seed(client, world.headers("chair_a"), entry())
    return world, entry_id


def create(client: TestClient, world: World, **body: Any) -> Any:
    payload = {"title": "Write the launch article", "assignee_id": "p-employee-9", **body}
    resp = client.post(f"{A}/briefs", json=payload, headers=world.headers("committee_a"))
    assert resp.status_code == 201, resp.text
    return resp


def test_the_committee_writes_a_brief_for_an_entry_and_edits_it_with_if_match(
    app: FastAPI, client: TestClient
) -> None:
    world, entry_id = world_with_entry(app, client)
    created = create(client, world, entry_id=entry_id, due_date="2026-12-08")
    brief = created.json()
    assert (brief["status"], brief["entry_id"], brief["due_date"]) == (
        "open",
        entry_id,
        "2026-12-08",
    )
    path = f"{A}/briefs/{brief['id']}"
    read = client.get(path, headers=world.headers("chair_a"))
    etag = read.headers["etag"]
    assert etag == created.headers["etag"]
    no_etag = client.patch(path, json={"status": "in_progress"}, headers=world.headers("chair_a"))
    assert no_etag.status_code == 428
    resp = client.patch(
        path,
        json={"status": "in_progress", "due_date": None},
        headers={**world.headers("chair_a"), "If-Match": etag},
    )
    assert resp.status_code == 200, resp.text
    assert (resp.json()["status"], resp.json()["due_date"], resp.json()["version"]) == (
        "in_progress",
        None,
        2,
    )
    stale = client.patch(
        path, json={"title": "Mine"}, headers={**world.headers("committee_a"), "If-Match": etag}
    )
    assert stale.status_code == 412
    assert stale.json()["current"]["status"] == "in_progress"  # the SPA offers the other version
    listed = client.get(f"{A}/briefs?status=in_progress", headers=world.headers("chair_a"))
    assert [b["id"] for b in listed.json()["items"]] == [brief["id"]]


def test_the_assignee_sees_their_briefs_and_reports_progress(
    app: FastAPI, client: TestClient
) -> None:
    world, _ = world_with_entry(app, client)
    brief = create(client, world, assignee_id="p-member-b").json()
    mine = client.get("/me/briefs", headers=world.headers("member_b")).json()["items"]
    assert [b["id"] for b in mine] == [brief["id"]]
    assert client.get("/me/briefs", headers=world.headers("member_a")).json()["items"] == []
    path = f"/me/briefs/{brief['id']}/status"
    etag = f'"{brief["id"]}.1"'
    headers = {**world.headers("member_b"), "If-Match": etag}
    refused = client.put(path, json={"status": "cancelled"}, headers=headers)
    assert refused.status_code == 403
    resp = client.put(path, json={"status": "delivered"}, headers=headers)
    assert resp.status_code == 200 and resp.json()["status"] == "delivered"
    other = client.put(
        path, json={"status": "delivered"}, headers={**world.headers("member_a"), "If-Match": etag}
    )
    assert other.status_code == 404
    open_only = client.get("/me/briefs?open_only=true", headers=world.headers("member_b"))
    assert open_only.json()["items"] == []


def test_bad_briefs_get_field_errors(app: FastAPI, client: TestClient) -> None:
    world, _ = world_with_entry(app, client)
    cases = [
        ({"title": ""}, "title"),
        ({"title": "T", "status": "done"}, "status"),
        ({"title": "T", "due_date": "2026-02-30"}, "due_date"),
        ({"title": "T", "entry_id": "not-an-entry"}, "entry_id"),
        ({"title": "T", "assignee_id": "has spaces"}, "assignee_id"),
    ]
    for body, field in cases:
        resp = client.post(f"{A}/briefs", json=body, headers=world.headers("chair_a"))
        assert resp.status_code == 422, body
        assert resp.json()["errors"][0]["field"] == field


def test_an_entry_of_another_network_cannot_be_attached(app: FastAPI, client: TestClient) -> None:
    world = make_world(app, client)
    resp = client.post(
        f"{B}/calendar/import",
        json={"entries": [entry("B's entry")]},
        headers=world.headers("chair_b"),
    )
    assert resp.status_code == 201
    b_entry = client.get(f"{B}/calendar/export", headers=world.headers("chair_b")).json()
    resp = client.post(
        f"{A}/briefs",
        json={"title": "T", "entry_id": b_entry["entries"][0]["id"]},
        headers=world.headers("chair_a"),
    )
    assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "entry_id"


def test_deleting_needs_the_committee_and_the_etag(app: FastAPI, client: TestClient) -> None:
    world, _ = world_with_entry(app, client)
    created = create(client, world)
    path = f"{A}/briefs/{created.json()['id']}"
    etag = created.headers["etag"]
    for who in ("member_a", "chair_b", "admin"):
        headers = {**world.headers(who), "If-Match": etag}
        assert client.delete(path, headers=headers).status_code == 403
    headers = {**world.headers("chair_a"), "If-Match": etag}
    assert client.delete(path, headers=headers).status_code == 204
    assert client.get(path, headers=world.headers("chair_a")).status_code == 404


def test_an_erased_assignee_is_no_longer_named(app: FastAPI, client: TestClient) -> None:
    world, _ = world_with_entry(app, client)
    brief = create(client, world, assignee_id="p-member-b").json()
    apply_event(app, "ambassador.erased", {"id": "p-member-b"})
    read = client.get(f"{A}/briefs/{brief['id']}", headers=world.headers("chair_a")).json()
    assert read["assignee_id"] is None
