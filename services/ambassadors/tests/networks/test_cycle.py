"""The cycle: members read it, the committee moves the phase (If-Match) and writes notes."""

from __future__ import annotations

from ambassadors_factories import person
from ambassadors_network_factories import member, network
from fastapi import FastAPI
from fastapi.testclient import TestClient


def test_phases_and_notes(client: TestClient, app: FastAPI) -> None:
    chair, ada = person(app, name="Chair"), person(app)
    slug = network(app, "Net", chair_id=chair.id)
    member(app, slug, ada.id)
    read = client.get(f"/networks/{slug}/cycle", headers=ada.headers)
    assert read.status_code == 200
    cycle = read.json()
    assert [p["phase"] for p in cycle["phases"]] == [
        "promotion", "education", "action", "lessons", "consolidation",
    ]  # fmt: skip
    assert cycle["current_phase"] == "promotion" and cycle["phases"][0]["current"]
    path = f"/networks/{slug}/cycle/phase"
    move = {"phase": "education"}
    assert client.put(path, json=move, headers=ada.headers).status_code == 403
    assert client.put(path, json=move, headers=chair.headers).status_code == 428
    moved = client.put(path, json=move, headers={**chair.headers, "If-Match": read.headers["ETag"]})
    assert moved.status_code == 200 and moved.json()["current_phase"] == "education"
    stale = client.put(
        path, json={"phase": "action"}, headers={**chair.headers, "If-Match": read.headers["ETag"]}
    )
    assert stale.status_code == 412
    bad = client.put(path, json={"phase": "party"}, headers={**chair.headers, "If-Match": "*"})
    assert bad.status_code == 422
    # the network's own ETag did not change: an admin's edit does not conflict with the phase
    assert client.get(f"/networks/{slug}", headers=chair.headers).headers["ETag"].endswith('.1"')

    notes = f"/networks/{slug}/cycle/notes"
    note = {"phase": "education", "note_date": "2026-12-01", "body": "Workshop one."}
    assert client.post(notes, json=note, headers=ada.headers).status_code == 403
    made = client.post(notes, json=note, headers=chair.headers)
    assert made.status_code == 201 and made.json()["author_name"] == "Chair"
    wrong = client.post(notes, json=note | {"note_date": "2026-13-01"}, headers=chair.headers)
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "note_date"
    phases = client.get(f"/networks/{slug}/cycle", headers=ada.headers).json()["phases"]
    assert [n["body"] for n in phases[1]["notes"]] == ["Workshop one."]
    gone = f"{notes}/{made.json()['id']}"
    assert client.delete(gone, headers=chair.headers).status_code == 204
    assert client.delete(gone, headers=chair.headers).status_code == 404


def test_outsiders_do_not_read_it(client: TestClient, app: FastAPI) -> None:
    chair, other = person(app), person(app)
    slug = network(app, "Net", chair_id=chair.id)
    assert client.get(f"/networks/{slug}/cycle", headers=other.headers).status_code == 403
