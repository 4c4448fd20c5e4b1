"""Contributions: any ambassador who sees a network suggests; the committee accepts (an entry
or a brief, the author credited) or declines with a note; the author sees the outcome."""

from __future__ import annotations

from typing import Any

from editorial_factories import World, apply_event, make_world, network_changed
from extras_factories import A, export_json
from fastapi import FastAPI
from fastapi.testclient import TestClient

MONTH = "from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z"
ARTICLE = {
    "kind": "link",
    "title": "My article on zero trust",
    "url": "https://blog.example.com/zero-trust",
    "note": "Could fit the launch week.",
}


def suggest(client: TestClient, world: World, who: str = "member_a", **body: Any) -> Any:
    resp = client.post(f"{A}/contributions", json={**ARTICLE, **body}, headers=world.headers(who))
    assert resp.status_code == 201, resp.text
    return resp.json()


def count(client: TestClient, world: World) -> int:
    resp = client.get(f"{A}/contributions/count", headers=world.headers("committee_a"))
    pending: int = resp.json()["pending"]
    return pending


def test_a_member_suggests_and_the_committee_sees_it_in_its_inbox(
    app: FastAPI, client: TestClient
) -> None:
    world = make_world(app, client)
    created = suggest(client, world)
    assert created["status"] == "pending"
    assert created["author_name"] == "P Member A"  # their name in the network
    assert count(client, world) == 1
    inbox = client.get(f"{A}/contributions", headers=world.headers("chair_a")).json()
    assert [c["id"] for c in inbox["items"]] == [created["id"]]
    mine = client.get("/me/contributions", headers=world.headers("member_a")).json()
    assert [c["id"] for c in mine["items"]] == [created["id"]]
    assert client.get("/me/contributions", headers=world.headers("chair_a")).json()["items"] == []


def test_accepted_into_the_calendar_the_author_is_credited(
    app: FastAPI, client: TestClient
) -> None:
    world = make_world(app, client)
    created = suggest(client, world)
    resp = client.post(
        f"{A}/contributions/{created['id']}/accept",
        json={
            "into": "entry",
            "entry": {
                "kind": "topic",
                "starts_at": "2026-12-12T09:00:00Z",
                "ends_at": "2026-12-12T10:00:00Z",
                "theme_slug": "security",
            },
            "note": "Thanks!",
        },
        headers=world.headers("committee_a"),
    )
    assert resp.status_code == 200, resp.text
    accepted = resp.json()
    assert accepted["status"] == "accepted" and accepted["entry_id"]
    entries = export_json(client, A, world.headers("chair_a"))["entries"]
    assert [(e["id"], e["title"], e["content_url"]) for e in entries] == [
        (accepted["entry_id"], ARTICLE["title"], ARTICLE["url"])
    ]
    assert (entries[0]["credited_person_id"], entries[0]["credited_name"]) == (
        "p-member-a",
        "P Member A",
    )
    # the calendar's own reads carry the credit the SPA shows
    one = client.get(f"{A}/entries/{accepted['entry_id']}", headers=world.headers("member_a"))
    assert one.json()["credited_name"] == "P Member A"
    month = client.get(f"{A}/calendar?{MONTH}", headers=world.headers("member_a")).json()
    listed = client.get(f"{A}/entries", headers=world.headers("member_a")).json()
    assert [i["credited_name"] for i in month["items"] + listed["items"]] == ["P Member A"] * 2
    assert count(client, world) == 0
    mine = client.get("/me/contributions", headers=world.headers("member_a")).json()["items"]
    assert (mine[0]["status"], mine[0]["decision_note"]) == ("accepted", "Thanks!")
    again = client.post(
        f"{A}/contributions/{created['id']}/decline",
        json={"note": "changed my mind"},
        headers=world.headers("chair_a"),
    )
    assert again.status_code == 409


def test_accepted_as_a_brief_it_is_credited_and_assigned(app: FastAPI, client: TestClient) -> None:
    world = make_world(app, client)
    created = suggest(client, world, kind="draft", url=None, draft="A first draft.")
    resp = client.post(
        f"{A}/contributions/{created['id']}/accept",
        json={"into": "brief", "brief": {"assignee_id": "p-member-a", "due_date": "2026-12-20"}},
        headers=world.headers("chair_a"),
    )
    assert resp.status_code == 200, resp.text
    brief_id = resp.json()["brief_id"]
    briefs = client.get("/me/briefs", headers=world.headers("member_a")).json()["items"]
    assert [(b["id"], b["credited_name"], b["due_date"]) for b in briefs] == [
        (brief_id, "P Member A", "2026-12-20")
    ]
    assert "A first draft." in briefs[0]["description"]


def test_declined_with_a_note_the_author_sees_why(app: FastAPI, client: TestClient) -> None:
    world = make_world(app, client)
    created = suggest(client, world)
    path = f"{A}/contributions/{created['id']}/decline"
    assert client.post(path, json={"note": ""}, headers=world.headers("chair_a")).status_code == 422
    resp = client.post(path, json={"note": "Off topic"}, headers=world.headers("chair_a"))
    assert resp.status_code == 200
    mine = client.get("/me/contributions", headers=world.headers("member_a")).json()["items"]
    assert (mine[0]["status"], mine[0]["decision_note"]) == ("declined", "Off topic")


def test_an_ambassador_outside_the_network_may_suggest_when_they_can_see_it(
    app: FastAPI, client: TestClient
) -> None:
    world = make_world(app, client)
    outsider = suggest(client, world, "outsider", credit_name="Olga Outsider")
    assert outsider["author_name"] == "Olga Outsider"
    network_changed(app, "net-a", "cloud-security", name="Cloud security", visibility="invitation")
    resp = client.post(f"{A}/contributions", json=ARTICLE, headers=world.headers("outsider"))
    assert resp.status_code == 404  # an invitation-only network is not shown to outsiders
    assert suggest(client, world, "member_a")["status"] == "pending"
    network_changed(app, "net-a", "cloud-security", name="Cloud security", archived=True)
    resp = client.post(f"{A}/contributions", json=ARTICLE, headers=world.headers("member_a"))
    assert resp.status_code == 409


def test_bad_suggestions_get_field_errors(app: FastAPI, client: TestClient) -> None:
    world = make_world(app, client)
    cases = [
        ({**ARTICLE, "url": None}, "body"),
        ({**ARTICLE, "url": "javascript:alert(1)"}, "url"),
        ({**ARTICLE, "url": "https://"}, "url"),
        ({**ARTICLE, "title": "\u200b"}, "title"),
        ({"kind": "draft", "title": "Empty draft"}, "body"),
    ]
    for body, field in cases:
        resp = client.post(f"{A}/contributions", json=body, headers=world.headers("member_a"))
        assert resp.status_code == 422, body
        assert resp.json()["errors"][0]["field"] == field, resp.json()


def test_the_committee_decides_on_its_own_network_only(app: FastAPI, client: TestClient) -> None:
    world = make_world(app, client)
    created = suggest(client, world)
    decline = f"{A}/contributions/{created['id']}/decline"
    for who in ("member_a", "chair_b", "admin"):
        resp = client.post(decline, json={"note": "no"}, headers=world.headers(who))
        assert resp.status_code == 403
    other = client.post(
        f"/networks/recruiting/contributions/{created['id']}/decline",
        json={"note": "no"},
        headers=world.headers("chair_b"),
    )
    assert other.status_code == 404
    bad_entry = client.post(
        f"{A}/contributions/{created['id']}/accept",
        json={
            "into": "entry",
            "entry": {"starts_at": "2026-12-12T10:00:00Z", "ends_at": "2026-12-12T09:00:00Z"},
        },
        headers=world.headers("chair_a"),
    )
    assert bad_entry.status_code == 422
    assert bad_entry.json()["errors"][0]["field"] == "entry.ends_at"
    assert count(client, world) == 1


def test_the_inbox_pages_with_a_cursor(app: FastAPI, client: TestClient) -> None:
    world = make_world(app, client)
    ids = [suggest(client, world, title=f"Article {n}")["id"] for n in range(3)]
    first = client.get(f"{A}/contributions?limit=2", headers=world.headers("chair_a")).json()
    cursor = first["next_cursor"]
    second = client.get(
        f"{A}/contributions?limit=2&cursor={cursor}", headers=world.headers("chair_a")
    ).json()
    assert [c["id"] for c in first["items"] + second["items"]] == ids
    assert second["next_cursor"] is None
    client.post(
        f"{A}/contributions/{ids[0]}/decline", json={"note": "no"}, headers=world.headers("chair_a")
    )
    pending = client.get(f"{A}/contributions", headers=world.headers("chair_a")).json()
    assert [c["id"] for c in pending["items"]] == ids[1:]
    every = client.get(f"{A}/contributions?status=all", headers=world.headers("chair_a")).json()
    assert [c["id"] for c in every["items"]] == ids
    unknown = client.get(f"{A}/contributions?status=maybe", headers=world.headers("chair_a"))
    assert unknown.status_code == 422


def test_the_author_exports_their_suggestions_and_erasure_removes_them_and_the_credit(
    app: FastAPI, client: TestClient
) -> None:
    world = make_world(app, client)
    created = suggest(client, world)
    accept = {
        "into": "entry",
        "entry": {"starts_at": "2026-12-12T09:00:00Z", "ends_at": "2026-12-12T10:00:00Z"},
    }
    client.post(
        f"{A}/contributions/{created['id']}/accept", json=accept, headers=world.headers("chair_a")
    )
    month = f"{A}/calendar?{MONTH}"
    view = client.get(month, headers=world.headers("chair_a")).json()  # now kept, ready
    assert view["items"][0]["credited_name"] == "P Member A"
    feed = client.post(f"{A}/calendar/feeds", json={}, headers=world.headers("member_a")).json()
    exported = client.get("/me/export", headers=world.headers("member_a")).json()["data"]
    assert [c["id"] for c in exported["contributions"]] == [created["id"]]
    assert [f["id"] for f in exported["calendar_feeds"]] == [feed["id"]]
    assert "token_hash" not in str(exported["calendar_feeds"])
    apply_event(app, "ambassador.erased", {"id": "p-member-a"})
    entries = export_json(client, A, world.headers("chair_a"))["entries"]
    assert len(entries) == 1  # the entry stays with the network...
    assert (entries[0]["credited_person_id"], entries[0]["credited_name"]) == (None, None)
    # the kept month view forgets them too
    assert (
        client.get(month, headers=world.headers("chair_a")).json()["items"][0]["credited_name"]
        is None
    )
    inbox = client.get(f"{A}/contributions?status=accepted", headers=world.headers("chair_a"))
    assert inbox.json()["items"] == []  # ...the suggestion and its credit go
    assert client.get(feed["url_path"]).status_code == 404
