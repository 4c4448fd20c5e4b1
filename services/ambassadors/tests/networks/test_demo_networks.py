"""`make run`'s demo shows networks: Cloud security with its chair, committee and externals."""

from __future__ import annotations

from pathlib import Path

import pytest
from ambassadors_factories import make_settings, outbox, person
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_ambassadors.demo import email_of, load_demo
from relais_ambassadors.people import by_email

# other apps, threads or connections read this module's writes: committed, tables emptied
pytestmark = pytest.mark.committed


def test_demo_networks(app: FastAPI, client: TestClient, database_url: str, tmp_path: Path) -> None:
    settings = make_settings(database_url, tmp_path)
    load_demo(settings)
    load_demo(settings)  # idempotent
    admin = person(app, admin=True)
    listed = client.get("/networks", headers=admin.headers).json()["items"]
    assert [n["name"] for n in listed] == ["Cloud security", "Data & AI guild", "Talent & culture"]
    with app.state.sessionmaker() as session:
        hugo = by_email(session, email_of("Hugo Moreau"))
        assert hugo is not None
    members = client.get("/networks/cloud-security/members", headers=admin.headers).json()
    roles = {m["display_name"]: m["role"] for m in members["items"]}
    assert roles["Hugo Moreau"] == "chair"
    assert sorted(n for n, r in roles.items() if r == "committee") == [
        "Anna Müller",
        "Julie Fontaine",
    ]
    externals = client.get("/networks/cloud-security/externals", headers=admin.headers).json()
    assert {e["kind"] for e in externals["items"]} == {"client", "journalist", "analyst"}
    assert sum(e["consented"] for e in externals["items"]) == 2
    types = [e["type"] for e in outbox(client)]
    assert types.count("network.changed") == 3
    # 3 chairs, 14 who joined (4 of them then named to a committee: 4 more)
    assert types.count("network.member") == 3 + 14 + 4
