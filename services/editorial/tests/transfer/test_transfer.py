"""Import and export of a network's calendar with its grids and variants, JSON and CSV."""

from __future__ import annotations

from typing import Any

from editorial_factories import World, make_world, member
from extras_factories import A, B, document, entry, export_json, grid, import_json, variant
from fastapi import FastAPI
from fastapi.testclient import TestClient


def rich_document() -> dict[str, Any]:
    launch_grid = grid(
        "Launch, day one",
        variant("x", "fr", "Nouveau : « Relais » ; lancé aujourd'hui 🚀"),
        variant("x", "en", '=cmd "quoted", with\nnewline'),
        variant("mastodon", "en", "Hello @team@example.social"),
        status="approved",
        link_url="https://example.com/launch?a=1&b=2",
        hashtags=["#cloud", "#security"],
        mentions=["@relais@example.social"],
        release_at="2026-12-10T08:00:00Z",
        expires_at="2026-12-20T08:00:00Z",
    )
    return document(
        entry(
            "Product launch",
            "2026-12-10",
            launch_grid,
            grid("Empty grid"),
            description="Line one\nLine two, with a comma; and a semicolon",
            theme_slug="cloud",
            content_url="https://example.com/launch",
            status="confirmed",
            path_position=0,
            owner_id="p-chair-a",
            credited_person_id="p-member-a",
            credited_name="Member A",
        ),
        entry("Conference", "2026-12-15", kind="event", path_position=1),
    )


def without_ids(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The entries with every id taken out (the only thing an import changes)."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "id"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    entries: list[dict[str, Any]] = strip(doc["entries"])
    return entries


def world_with_owner_in_b(app: FastAPI, client: TestClient) -> World:
    world = make_world(app, client)
    member(app, "net-b", "p-chair-a", "member")  # the owner belongs to both networks
    return world


def test_json_round_trip_into_another_network_loses_nothing(
    app: FastAPI, client: TestClient
) -> None:
    world = world_with_owner_in_b(app, client)
    doc = rich_document()
    doc["entries"][0]["theme_slug"] = None  # network B has other themes
    outcome = import_json(client, A, world.headers("chair_a"), doc)
    assert outcome == {"entries": 2, "grids": 2, "variants": 3, "grids_reset_to_draft": 0}
    first = export_json(client, A, world.headers("chair_a"))
    import_json(client, B, world.headers("chair_b"), first)
    second = export_json(client, B, world.headers("chair_b"))
    assert without_ids(second) == without_ids(first)
    assert (
        without_ids(first)[0]["grids"][0]["variants"][1]["text"]
        == doc["entries"][0]["grids"][0]["variants"][1]["text"]
    )
    assert first["entries"][0]["id"] != second["entries"][0]["id"]


def test_csv_round_trip_loses_nothing(app: FastAPI, client: TestClient) -> None:
    world = world_with_owner_in_b(app, client)
    doc = rich_document()
    doc["entries"][0]["theme_slug"] = None
    import_json(client, A, world.headers("chair_a"), doc)
    csv_a = client.get(f"{A}/calendar/export?format=csv", headers=world.headers("chair_a"))
    assert csv_a.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv_a.headers["content-disposition"]
    assert "'=cmd" in csv_a.text  # a spreadsheet would not run it as a formula
    resp = client.post(
        f"{B}/calendar/import",
        files={"file": ("calendar.csv", csv_a.content, "text/csv")},
        headers=world.headers("chair_b"),
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["variants"] == 3
    json_a = export_json(client, A, world.headers("chair_a"))
    json_b = export_json(client, B, world.headers("chair_b"))
    assert without_ids(json_b) == without_ids(json_a)


def test_export_range_keeps_the_entries_overlapping_it(app: FastAPI, client: TestClient) -> None:
    world = make_world(app, client)
    import_json(client, A, world.headers("chair_a"), rich_document())
    resp = client.get(
        f"{A}/calendar/export?format=json&from=2026-12-14&to=2026-12-31",
        headers=world.headers("committee_a"),
    )
    assert [e["title"] for e in resp.json()["entries"]] == ["Conference"]
    bad = client.get(
        f"{A}/calendar/export?from=2026-12-14&to=2026-12-01", headers=world.headers("chair_a")
    )
    assert bad.status_code == 422


def test_every_bad_row_is_reported_with_its_row_and_field_and_nothing_is_written(
    app: FastAPI, client: TestClient
) -> None:
    world = make_world(app, client)
    csv_text = (
        "entry_id,entry_kind,entry_title,entry_starts_at,entry_ends_at,entry_theme_slug,"
        "grid_id,grid_title,variant_platform,variant_language,variant_text\r\n"
        "e1,launch,Fine,2026-12-10T09:00:00Z,2026-12-10T10:00:00Z,,g1,Grid,x,fr,ok\r\n"
        "e2,party,Bad kind,2026-12-11T09:00:00Z,2026-12-11T10:00:00Z,,,,,,\r\n"
        "e3,topic,Bad date,not-a-date,2026-12-11T10:00:00Z,,,,,,\r\n"
        "e1,launch,Fine,2026-12-10T09:00:00Z,2026-12-10T10:00:00Z,,g1,Grid,myspace,fr,hi\r\n"
    )
    resp = client.post(
        f"{A}/calendar/import",
        content=csv_text.encode(),
        headers={**world.headers("chair_a"), "Content-Type": "text/csv"},
    )
    assert resp.status_code == 422
    located = {(e["row"], e["field"]) for e in resp.json()["errors"]}
    assert located == {("3", "entry_kind"), ("4", "entry_starts_at"), ("5", "variant_platform")}
    assert export_json(client, A, world.headers("chair_a"))["entries"] == []


def test_rules_of_the_target_network_are_checked_for_every_row(
    app: FastAPI, client: TestClient
) -> None:
    world = make_world(app, client)
    doc = document(
        entry("Backwards", "2026-12-10", ends_at="2026-12-09T09:00:00Z"),
        entry("Other theme", "2026-12-11", theme_slug="recruiting"),
        entry("Stranger", "2026-12-12", owner_id="p-outsider"),
        entry("Too long", "2026-12-13", grid("G", variant("x", "en", "a" * 280))),
    )
    resp = client.post(f"{A}/calendar/import", json=doc, headers=world.headers("chair_a"))
    assert resp.status_code == 422
    errors = {(e["row"], e["field"]): e["message"] for e in resp.json()["errors"]}
    assert set(errors) == {
        ("1", "entries.0.ends_at"),
        ("2", "entries.1.theme_slug"),
        ("3", "entries.2.owner_id"),
        ("4", "entries.3.grids.0.variants.0.text"),
    }
    assert "disclosure counts too" in errors[("4", "entries.3.grids.0.variants.0.text")]
    assert export_json(client, A, world.headers("chair_a"))["entries"] == []


def _api_refusal(client: TestClient, world: World, url: str, body: dict[str, Any]) -> str:
    resp = client.post(url, json=body, headers=world.headers("chair_a"))
    assert resp.status_code == 422, resp.text
    message: str = resp.json()["errors"][0]["message"]
    return message


def test_an_import_is_refused_by_the_calendar_and_grid_rules_in_their_own_words(
    app: FastAPI, client: TestClient
) -> None:
    world = make_world(app, client)
    starts = {"kind": "topic", "starts_at": "2026-12-10T09:00:00Z"}
    api = {
        "ends_at": _api_refusal(
            client,
            world,
            f"{A}/entries",
            {**starts, "title": "B", "ends_at": "2026-12-09T09:00:00Z"},
        ),
        "theme_slug": _api_refusal(
            client, world, f"{A}/entries", {**starts, "title": "T", "theme_slug": "recruiting"}
        ),
        "owner_id": _api_refusal(
            client, world, f"{A}/entries", {**starts, "title": "O", "owner_id": "p-outsider"}
        ),
    }
    made = client.post(
        f"{A}/entries", json={**starts, "title": "E"}, headers=world.headers("chair_a")
    )
    long = {"platform": "x", "language": "en", "text": "a" * 280}
    api["text"] = _api_refusal(
        client, world, f"{A}/entries/{made.json()['id']}/grids", {"title": "G", "variants": [long]}
    )
    doc = document(
        entry("Backwards", "2026-12-10", ends_at="2026-12-09T09:00:00Z"),
        entry("Other theme", "2026-12-11", theme_slug="recruiting"),
        entry("Stranger", "2026-12-12", owner_id="p-outsider"),
        entry("Too long", "2026-12-13", grid("G", variant("x", "en", "a" * 280))),
    )
    resp = client.post(f"{A}/calendar/import", json=doc, headers=world.headers("chair_a"))
    assert resp.status_code == 422
    imported = {e["field"].rsplit(".", 1)[-1]: e["message"] for e in resp.json()["errors"]}
    assert imported == api


def test_imports_are_bounded(app: FastAPI, client: TestClient) -> None:
    world = make_world(app, client)
    huge = b'{"entries": [' + b" " * (2 * 1024 * 1024) + b"]}"
    resp = client.post(
        f"{A}/calendar/import",
        files={"file": ("calendar.json", huge, "application/json")},
        headers=world.headers("chair_a"),
    )
    assert resp.status_code == 413
    many = document(*[entry(f"E{n}", "2026-12-10") for n in range(2001)])
    resp = client.post(f"{A}/calendar/import", json=many, headers=world.headers("chair_a"))
    assert resp.status_code == 422
    assert export_json(client, A, world.headers("chair_a"))["entries"] == []


def test_a_committee_members_import_brings_grids_in_as_drafts(
    app: FastAPI, client: TestClient
) -> None:
    world = make_world(app, client)
    outcome = import_json(client, A, world.headers("committee_a"), rich_document())
    assert outcome["grids_reset_to_draft"] == 1
    grids = export_json(client, A, world.headers("chair_a"))["entries"][0]["grids"]
    assert [g["status"] for g in grids] == ["draft", "draft"]


def test_only_the_committee_imports_and_exports(app: FastAPI, client: TestClient) -> None:
    world = make_world(app, client)
    doc = document(entry())
    for who in ("member_a", "chair_b", "outsider"):
        assert (
            client.post(f"{A}/calendar/import", json=doc, headers=world.headers(who)).status_code
            == 403
        )
        assert client.get(f"{A}/calendar/export", headers=world.headers(who)).status_code == 403
