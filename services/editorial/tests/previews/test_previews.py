"""Read-only preview links for someone without an account: expiring, revocable, names only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from editorial_factories import World, make_world
from extras_factories import A, entry, export_json, grid, seed, variant
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_editorial.previews.models import PreviewLink
from sqlalchemy import update


def in_days(days: float) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


def seeded(app: FastAPI, client: TestClient) -> World:
    world = make_world(app, client)
    seed(
        client,
        world.headers("chair_a"),
        entry(
            "Product launch",
            "2026-12-10",
            grid("Launch grid", variant("linkedin", "fr", "Bonjour"), status="approved"),
            grid("Second grid", variant("x", "en", "Hello")),
            owner_id="p-chair-a",
            credited_person_id="p-member-a",
            credited_name="Member A",
        ),
        entry("Later topic", "2027-02-10", kind="topic"),
    )
    return world


def create(client: TestClient, world: World, who: str = "chair_a", **body: Any) -> Any:
    payload = {"from_date": "2026-12-01", "to_date": "2026-12-31", "expires_at": in_days(7)}
    return client.post(f"{A}/previews", json={**payload, **body}, headers=world.headers(who))


def test_someone_without_an_account_reads_the_range_with_names_only(
    app: FastAPI, client: TestClient
) -> None:
    world = seeded(app, client)
    created = create(client, world, "committee_a", label="Product manager")
    assert created.status_code == 201, created.text
    token = created.json()["token"]
    assert created.json()["api_path"] == f"/api/editorial/previews/{token}"
    resp = client.get(f"/previews/{token}")  # no identity at all
    assert resp.status_code == 200
    assert resp.headers["cache-control"] == "no-store"
    body = resp.json()
    assert body["network_name"] == "Cloud security"
    assert body["label"] == "Product manager"
    assert [e["title"] for e in body["entries"]] == ["Product launch"]
    launch = body["entries"][0]
    assert launch["credited_name"] == "Member A"
    assert [g["title"] for g in launch["grids"]] == ["Launch grid", "Second grid"]
    text = launch["grids"][0]["variants"][0]["text"]
    assert text.startswith("Bonjour") and "#JeTravailleChez" in text  # the disclosure counts
    assert "p-chair-a" not in resp.text and "p-member-a" not in resp.text
    assert "_id" not in resp.text and '"id"' not in resp.text


def test_a_grid_preview_shows_that_grid_only(app: FastAPI, client: TestClient) -> None:
    world = seeded(app, client)
    grid_id = export_json(client, A, world.headers("chair_a"))["entries"][0]["grids"][1]["id"]
    created = create(client, world, from_date=None, to_date=None, grid_id=grid_id)
    assert created.status_code == 201, created.text
    body = client.get(f"/previews/{created.json()['token']}").json()
    assert [[g["title"] for g in e["grids"]] for e in body["entries"]] == [["Second grid"]]


def test_expiry_is_required_in_the_future_and_at_most_30_days(
    app: FastAPI, client: TestClient
) -> None:
    world = seeded(app, client)
    for expires_at in (in_days(31), in_days(-1)):
        resp = create(client, world, expires_at=expires_at)
        assert resp.status_code == 422
        assert resp.json()["errors"][0]["field"] == "expires_at"
    assert create(client, world, to_date="2026-11-01").status_code == 422
    assert create(client, world, grid_id="nope").status_code == 422
    assert create(client, world, expires_at="2026-12-20T10:00:00").status_code == 422  # naive


def test_revoked_and_expired_links_are_gone_unknown_ones_not_found(
    app: FastAPI, client: TestClient
) -> None:
    world = seeded(app, client)
    revoked = create(client, world).json()
    expired = create(client, world).json()
    resp = client.delete(f"{A}/previews/{revoked['id']}", headers=world.headers("committee_a"))
    assert resp.status_code == 204
    assert client.get(f"/previews/{revoked['token']}").status_code == 410
    with app.state.sessionmaker.begin() as session:
        session.execute(
            update(PreviewLink)
            .where(PreviewLink.id == expired["id"])
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    assert client.get(f"/previews/{expired['token']}").status_code == 410
    assert client.get("/previews/" + "y" * 43).status_code == 404
    listed = client.get(f"{A}/previews", headers=world.headers("chair_a")).json()["items"]
    assert {p["id"] for p in listed} == {revoked["id"], expired["id"]}
    assert all("token" not in p for p in listed)


def test_only_the_committee_makes_and_revokes_previews(app: FastAPI, client: TestClient) -> None:
    world = seeded(app, client)
    link = create(client, world).json()
    for who in ("member_a", "chair_b", "outsider"):
        assert create(client, world, who).status_code == 403
        resp = client.delete(f"{A}/previews/{link['id']}", headers=world.headers(who))
        assert resp.status_code == 403
    assert client.get(f"/previews/{link['token']}").status_code == 200
