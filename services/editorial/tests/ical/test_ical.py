"""Calendar subscriptions: a secret, revocable RFC 5545 feed per subscriber and network."""

from __future__ import annotations

from datetime import UTC, datetime

from editorial_factories import World, apply_event, make_world, member
from extras_factories import A, entry, export_json, grid, seed, variant
from fastapi import FastAPI
from fastapi.testclient import TestClient
from icalendar import Calendar

TRICKY = "Launch, day one; with a\\backslash and a very long title " + "é" * 60


def subscribe(client: TestClient, world: World, who: str = "member_a") -> dict[str, str]:
    resp = client.post(f"{A}/calendar/feeds", json={"label": "phone"}, headers=world.headers(who))
    assert resp.status_code == 201, resp.text
    created: dict[str, str] = resp.json()
    return created


def seeded_world(app: FastAPI, client: TestClient) -> World:
    world = make_world(app, client)
    seed(
        client,
        world.headers("chair_a"),
        entry(
            TRICKY,
            "2026-12-10",
            grid("G", variant()),
            description="First line\nSecond line, with; punctuation",
            content_url="https://example.com/launch?a=1&b=2",
            theme_slug="cloud",
            status="confirmed",
            owner_id="p-chair-a",
            credited_person_id="p-member-a",
            credited_name="Member A",
        ),
        entry("Conference", "2026-12-15", kind="event", status="cancelled"),
    )
    return world


def test_the_feed_is_rfc_5545_that_a_standard_parser_reads_and_round_trips(
    app: FastAPI, client: TestClient
) -> None:
    world = seeded_world(app, client)
    feed = subscribe(client, world)
    assert feed["url_path"] == f"/ical/{feed['token']}.ics"
    resp = client.get(feed["url_path"])
    assert resp.status_code == 200
    assert resp.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(resp.content)
    assert calendar.to_ical() == resp.content
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [TRICKY, "Conference"]
    launch, conference = events
    ids = [e["id"] for e in export_json(client, A, world.headers("chair_a"))["entries"]]
    assert str(launch["uid"]) == f"{ids[0]}@relais.editorial"
    assert launch.decoded("dtstart") == datetime(2026, 12, 10, 9, tzinfo=UTC)
    assert launch.decoded("dtend") == datetime(2026, 12, 10, 10, tzinfo=UTC)
    assert b"DTSTART:20261210T090000Z" in resp.content
    assert str(launch["url"]) == "https://example.com/launch?a=1&b=2"
    assert [str(c) for c in launch["categories"].cats] == ["launch", "cloud"]
    assert str(launch["status"]) == "CONFIRMED"
    assert str(conference["status"]) == "CANCELLED"
    assert "Second line, with; punctuation" in str(launch["description"])
    assert "Suggested by Member A" in str(launch["description"])
    assert "dtstamp" in launch
    for line in resp.content.split(b"\r\n"):
        assert len(line) <= 75  # folded, as RFC 5545 requires


def test_the_feed_names_nobody_beyond_display_names(app: FastAPI, client: TestClient) -> None:
    world = seeded_world(app, client)
    body = client.get(subscribe(client, world)["url_path"]).text
    assert "p-chair-a" not in body and "p-member-a" not in body
    # no e-mail address: the only "@" are in the UIDs
    assert all("@" not in line for line in body.splitlines() if not line.startswith("UID:"))


def test_uids_stay_and_an_unchanged_calendar_answers_304(app: FastAPI, client: TestClient) -> None:
    world = seeded_world(app, client)
    path = subscribe(client, world)["url_path"]
    first = client.get(path)
    second = client.get(path)
    assert first.content == second.content
    etag = first.headers["etag"]
    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(path, headers={"If-None-Match": f'"other", W/{etag}'}).status_code == 304
    seed(client, world.headers("chair_a"), entry("New topic", "2026-12-20", kind="topic"))
    changed = client.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    old_uids = {str(e["uid"]) for e in Calendar.from_ical(first.content).walk("VEVENT")}
    new_uids = {str(e["uid"]) for e in Calendar.from_ical(changed.content).walk("VEVENT")}
    assert old_uids < new_uids


def test_each_subscriber_has_their_own_tokens_and_revoking_works_at_once(
    app: FastAPI, client: TestClient
) -> None:
    world = seeded_world(app, client)
    mine = subscribe(client, world, "member_a")
    theirs = subscribe(client, world, "chair_a")
    listed = client.get(f"{A}/calendar/feeds", headers=world.headers("member_a")).json()
    assert [f["id"] for f in listed["items"]] == [mine["id"]]
    assert "token" not in listed["items"][0]
    refused = client.delete(f"{A}/calendar/feeds/{theirs['id']}", headers=world.headers("member_a"))
    assert refused.status_code == 404
    assert (
        client.delete(
            f"{A}/calendar/feeds/{mine['id']}", headers=world.headers("member_a")
        ).status_code
        == 204
    )
    assert client.get(mine["url_path"]).status_code == 410
    assert client.get(theirs["url_path"]).status_code == 200
    assert client.get(f"{A}/calendar/feeds", headers=world.headers("member_a")).json() == {
        "items": []
    }


def test_a_feed_stops_when_its_subscriber_leaves_or_is_erased(
    app: FastAPI, client: TestClient
) -> None:
    world = seeded_world(app, client)
    leaver = subscribe(client, world, "member_a")
    erased = subscribe(client, world, "committee_a")
    member(app, "net-a", "p-member-a", None)
    assert client.get(leaver["url_path"]).status_code == 410
    apply_event(app, "ambassador.erased", {"id": "p-committee-a"})
    assert client.get(erased["url_path"]).status_code == 404


def test_unknown_and_malformed_tokens_are_404(app: FastAPI, client: TestClient) -> None:
    make_world(app, client)
    for token in ("x" * 43, "short", "not.a-token!" * 4, "a" * 300):
        assert client.get(f"/ical/{token}.ics").status_code == 404


def test_only_members_subscribe(app: FastAPI, client: TestClient) -> None:
    world = make_world(app, client)
    for who in ("admin", "member_b", "outsider"):
        resp = client.post(f"{A}/calendar/feeds", json={}, headers=world.headers(who))
        assert resp.status_code == 403
