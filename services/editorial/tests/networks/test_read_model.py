"""The networks' read model follows the ambassadors' events, idempotently."""

from __future__ import annotations

from editorial_factories import as_, member, network_changed
from fastapi import FastAPI
from fastapi.testclient import TestClient


def test_a_network_event_makes_the_network_known_to_its_members(
    app: FastAPI, client: TestClient
) -> None:
    network_changed(app, "n1", "cloud-security", name="Cloud security")
    member(app, "n1", "p-1", "chair")
    resp = client.get("/networks/cloud-security", headers=as_("p-1"))
    assert resp.status_code == 200
    assert resp.json() == {
        "id": "n1",
        "slug": "cloud-security",
        "name": "Cloud security",
        "archived": False,
        "visibility": "open",
        "theme_slugs": ["cloud", "security"],
        "my_role": "chair",
    }


def test_applying_the_same_events_twice_changes_nothing(app: FastAPI, client: TestClient) -> None:
    for _ in range(2):
        network_changed(app, "n1", "cloud-security")
        member(app, "n1", "p-1", "committee")
    members = client.get("/networks/cloud-security/members", headers=as_("p-1")).json()
    assert [(m["person_id"], m["role"]) for m in members["items"]] == [("p-1", "committee")]


def test_a_role_change_and_leaving_follow_the_events(app: FastAPI, client: TestClient) -> None:
    network_changed(app, "n1", "cloud-security")
    member(app, "n1", "p-1", "member")
    member(app, "n1", "p-1", "chair")
    assert client.get("/networks/cloud-security", headers=as_("p-1")).json()["my_role"] == "chair"
    member(app, "n1", "p-1", None)
    assert client.get("/networks/cloud-security", headers=as_("p-1")).status_code == 403
    member(app, "n1", "p-1", None)  # leaving twice is harmless


def test_a_rename_and_a_slug_change_follow_the_events(app: FastAPI, client: TestClient) -> None:
    network_changed(app, "n1", "cloud")
    member(app, "n1", "p-1", "member")
    network_changed(app, "n1", "cloud-security", name="Cloud security", archived=True)
    assert client.get("/networks/cloud", headers=as_("p-1")).status_code == 404
    body = client.get("/networks/cloud-security", headers=as_("p-1")).json()
    assert (body["name"], body["archived"]) == ("Cloud security", True)


def test_a_slug_taken_over_by_another_network_moves_with_the_event(
    app: FastAPI, client: TestClient
) -> None:
    network_changed(app, "n1", "cloud")
    network_changed(app, "n2", "cloud")  # n1 was renamed in ambassadors; its event is later
    member(app, "n2", "p-1", "member")
    assert client.get("/networks/cloud", headers=as_("p-1")).json()["id"] == "n2"


def test_a_member_event_of_an_unknown_network_is_ignored(app: FastAPI, client: TestClient) -> None:
    member(app, "nope", "p-1", "chair")
    assert client.get("/networks", headers=as_("p-1")).json() == {"items": [], "next_cursor": None}


def test_my_networks_lists_mine_and_the_core_team_sees_all(
    app: FastAPI, client: TestClient
) -> None:
    network_changed(app, "n1", "alpha")
    network_changed(app, "n2", "beta")
    member(app, "n2", "p-1", "member")
    mine = client.get("/networks", headers=as_("p-1")).json()["items"]
    assert [(n["slug"], n["my_role"]) for n in mine] == [("beta", "member")]
    everyone = client.get("/networks", headers=as_("p-admin", admin=True)).json()["items"]
    assert [(n["slug"], n["my_role"]) for n in everyone] == [("alpha", None), ("beta", None)]


def test_the_list_is_paginated_with_a_cursor(app: FastAPI, client: TestClient) -> None:
    for n in range(3):
        network_changed(app, f"n{n}", f"net-{n}")
    admin = as_("p-admin", admin=True)
    first = client.get("/networks", params={"limit": 2}, headers=admin).json()
    assert [n["slug"] for n in first["items"]] == ["net-0", "net-1"]
    rest = client.get(
        "/networks", params={"limit": 2, "cursor": first["next_cursor"]}, headers=admin
    ).json()
    assert ([n["slug"] for n in rest["items"]], rest["next_cursor"]) == (["net-2"], None)
