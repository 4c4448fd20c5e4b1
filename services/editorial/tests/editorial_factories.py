"""Test data for editorial, made the way production makes it: networks and roles arrive as the
ambassadors' events (through the real handlers), the rest through the service's own API."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import count
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.testing import identity_headers
from relais_editorial.main import HANDLERS

_ids: Iterator[int] = count(1)


def apply_event(app: FastAPI, type_: str, payload: dict[str, Any]) -> None:
    event = {
        "id": next(_ids),
        "type": type_,
        "aggregate_id": str(payload.get("id") or payload.get("network_id")),
        "payload": payload,
        "created_at": "2026-12-01T09:00:00+00:00",
    }
    with app.state.sessionmaker.begin() as session:
        HANDLERS[type_](session, event)


def network_changed(
    app: FastAPI,
    network_id: str,
    slug: str,
    *,
    name: str | None = None,
    themes: list[str] | None = None,
    archived: bool = False,
    visibility: str = "open",
) -> None:
    apply_event(
        app,
        "network.changed",
        {
            "id": network_id,
            "slug": slug,
            "name": name or slug.title(),
            "purpose": "",
            "visibility": visibility,
            "archived": archived,
            "theme_slugs": themes if themes is not None else ["cloud", "security"],
        },
    )


def member(app: FastAPI, network_id: str, person_id: str, role: str | None) -> None:
    apply_event(
        app,
        "network.member",
        {
            "network_id": network_id,
            "person_id": person_id,
            "display_name": person_id.replace("-", " ").title(),
            "role": role,
        },
    )


def as_(person_id: str, *, admin: bool = False) -> dict[str, str]:
    roles = {"ambassador", "admin"} if admin else {"ambassador"}
    return identity_headers(person_id, roles)


@dataclass
class World:
    """Two networks: A ("cloud-security") and B ("recruiting"), with a cast of people."""

    app: FastAPI
    client: TestClient
    ids: dict[str, str] = field(default_factory=dict)

    def headers(self, who: str) -> dict[str, str]:
        if who == "admin":
            return as_("p-admin", admin=True)
        if who == "unverified":
            return identity_headers("p-unverified", {"unverified"})
        if who == "anonymous":
            return {}
        if who == "service":
            return identity_headers("service:aggregator", {"service"})
        return as_(f"p-{who.replace('_', '-')}")


CAST = {
    "chair_a": ("net-a", "chair"),
    "committee_a": ("net-a", "committee"),
    "member_a": ("net-a", "member"),
    "member_b": ("net-b", "member"),
    "chair_b": ("net-b", "chair"),
}
WHO = [
    "admin",
    "chair_a",
    "committee_a",
    "member_a",
    "member_b",
    "chair_b",
    "outsider",
    "unverified",
    "anonymous",
    "service",
]


def make_world(app: FastAPI, client: TestClient) -> World:
    network_changed(app, "net-a", "cloud-security", name="Cloud security")
    network_changed(app, "net-b", "recruiting", name="Recruiting", themes=["recruiting"])
    for who, (network_id, role) in CAST.items():
        member(app, network_id, f"p-{who.replace('_', '-')}", role)
    return World(app, client)


def seed_network_a(world: World) -> None:
    """An entry in network A (through the API, as its chair); ids land in ``world.ids``."""
    a = "/networks/cloud-security"
    entry = world.client.post(
        f"{a}/entries",
        json={"kind": "launch", "title": "Launch", "starts_at": "2026-12-10T09:00:00Z"},
        headers=world.headers("chair_a"),
    )
    assert entry.status_code == 201, entry.text
    world.ids["entry"] = entry.json()["id"]
    grid = world.client.post(
        f"{a}/entries/{world.ids['entry']}/grids",
        json={"title": "Grid", "variants": [{"platform": "x", "language": "en", "text": "Hi"}]},
        headers=world.headers("committee_a"),
    )
    assert grid.status_code == 201, grid.text
    world.ids["grid"] = grid.json()["id"]
    world.ids["variant"] = grid.json()["variants"][0]["id"]


def new_grid(world: World, who: str = "committee_a", **over: Any) -> Any:
    """A calendar entry in network A and a draft grid on it (LinkedIn and X, fr and en)."""
    a = "/networks/cloud-security"
    if "entry" not in world.ids:
        seed_network_a(world)
    body = {
        "title": "Launch messages",
        "link_url": "https://example.com/launch",
        "hashtags": ["#cloud"],
        "variants": [
            {
                "platform": "linkedin",
                "language": "fr",
                "text": "Notre offre zéro confiance arrive.",
            },
            {"platform": "x", "language": "en", "text": "Our zero-trust offer is here."},
        ],
    } | over
    resp = world.client.post(
        f"{a}/entries/{world.ids['entry']}/grids", json=body, headers=world.headers(who)
    )
    assert resp.status_code == 201, resp.text
    return resp
