"""Suggestions, the presence map and the platform recommendation through the API."""

from __future__ import annotations

from ambassadors_factories import department, person, theme
from ambassadors_network_factories import member, network
from fastapi import FastAPI
from fastapi.testclient import TestClient


def _profile(client: TestClient, who: object, **changes: object) -> None:
    headers = who.headers  # type: ignore[attr-defined]
    tag = client.get("/me", headers=headers).headers["ETag"]
    resp = client.patch("/me", json=changes, headers={**headers, "If-Match": tag})
    assert resp.status_code == 200, resp.text


def _account(client: TestClient, who: object, platform: str, value: str) -> None:
    body = {"platform": platform, "value": value, "public": True}
    resp = client.post("/me/accounts", json=body, headers=who.headers)  # type: ignore[attr-defined]
    assert resp.status_code == 201, resp.text


class TestSuggestions:
    def test_ranked_with_reasons_excluding_members(self, client: TestClient, app: FastAPI) -> None:
        rd, sales = department(app, "R&D"), department(app, "Sales")
        cloud, sec = theme(app, "Cloud"), theme(app, "Security")
        chair = person(app, name="Chair", department_id=rd)
        fit = person(app, name="Best Fit", department_id=sales)
        some = person(app, name="Some Fit", department_id=rd)
        off = person(app, name="Off Topic", department_id=sales)
        inside = person(app, name="Already In", department_id=rd)
        unverified = person(app, name="Not Confirmed", verified=False)
        _profile(client, fit, theme_ids=[cloud, sec], languages=["fr", "ja"])
        _profile(client, some, theme_ids=[cloud])
        _profile(client, off, theme_ids=[])
        _profile(client, inside, theme_ids=[cloud])
        _profile(client, unverified, theme_ids=[cloud])
        _account(client, fit, "mastodon", "@fit@mastodon.social")
        slug = network(app, "Cloud security", chair_id=chair.id, theme_ids=[cloud, sec])
        member(app, slug, inside.id)
        resp = client.get(f"/networks/{slug}/suggestions", headers=chair.headers)
        assert resp.status_code == 200, resp.text
        items = resp.json()["items"]
        assert [i["ambassador"]["display_name"] for i in items] == ["Best Fit", "Some Fit"]
        best = items[0]
        assert {r["kind"] for r in best["reasons"]} == {
            "theme",
            "platform",
            "language",
            "department",
        }
        assert best["ambassador"]["department"]["name"] == "Sales"
        assert "Cloud, Security" in best["text"]
        assert items[1]["reasons"] == [{"kind": "theme", "detail": "Cloud"}]
        assert (
            client.get(f"/networks/{slug}/suggestions", headers=inside.headers).status_code == 403
        )


class TestPresence:
    def test_network_map_matrix_and_graph(self, client: TestClient, app: FastAPI) -> None:
        chair, ada, bob = (
            person(app, name="Chair"),
            person(app, name="Ada"),
            person(app, name="Bob"),
        )
        outsider = person(app, name="Outsider")
        _account(client, ada, "mastodon", "@ada@mastodon.social")
        _account(client, ada, "github", "ada")
        _account(client, bob, "github", "bob")
        _account(client, outsider, "github", "outsider")
        client.post(
            "/me/accounts", json={"platform": "x", "value": "secretbob"}, headers=bob.headers
        )
        slug = network(app, "Net", chair_id=chair.id)
        member(app, slug, ada.id, "committee")
        member(app, slug, bob.id)
        ext = {
            "kind": "analyst",
            "name": "Ana Lyst",
            "accounts": [{"platform": "github", "value": "ana"}],
        }
        client.post(f"/networks/{slug}/externals", json=ext, headers=chair.headers)
        resp = client.get(f"/networks/{slug}/presence", params={"limit": 1}, headers=bob.headers)
        assert resp.status_code == 200, resp.text
        page = resp.json()
        assert page["scope"]["kind"] == "network" and page["total_people"] == 2
        assert [p["display_name"] for p in page["people"]] == ["Ada"]
        assert page["people"][0]["role"] == "committee"
        assert {c["id"]: c["people"] for c in page["platforms"]} == {"github": 2, "mastodon": 1}
        assert page["externals"] == []  # no consent recorded: members do not see them
        edges = {(e["source"], e["target"]) for e in page["graph"]["edges"]}
        assert edges == {
            (f"person:{ada.id}", "platform:mastodon"),
            (f"person:{ada.id}", "platform:github"),
        }
        rest = client.get(
            f"/networks/{slug}/presence",
            params={"cursor": page["next_cursor"]},
            headers=bob.headers,
        ).json()
        bob_row = rest["people"][0]
        assert bob_row["display_name"] == "Bob"
        assert [p["platform"] for p in bob_row["presences"]] == ["github"]  # private x left out
        committee = client.get(f"/networks/{slug}/presence", headers=chair.headers).json()
        assert [e["name"] for e in committee["externals"]] == ["Ana Lyst"]
        assert any(n["id"].startswith("external:") for n in committee["graph"]["nodes"])

    def test_company_and_department(self, client: TestClient, app: FastAPI) -> None:
        rd = department(app, "R&D")
        ada, bob = person(app, name="Ada", department_id=rd), person(app, name="Bob")
        _account(client, ada, "github", "ada")
        _account(client, bob, "github", "bob")
        company = client.get("/presence", headers=ada.headers).json()
        assert company["scope"]["kind"] == "company" and company["total_people"] == 2
        dept = client.get("/presence", params={"department": rd}, headers=bob.headers).json()
        assert [p["display_name"] for p in dept["people"]] == ["Ada"]
        assert (
            client.get("/presence", params={"department": "nope"}, headers=bob.headers).status_code
            == 404
        )


def test_platform_recommendation(client: TestClient, app: FastAPI) -> None:
    cloud = theme(app, "Cloud security")
    chair, ada = person(app), person(app)
    _account(client, ada, "mastodon", "@ada@mastodon.social")
    slug = network(app, "Net", chair_id=chair.id, theme_ids=[cloud])
    member(app, slug, ada.id)
    resp = client.get(f"/networks/{slug}/platform-recommendation", headers=ada.headers)
    assert resp.status_code == 200, resp.text
    items = resp.json()["items"]
    assert items[0]["platform"] == "mastodon"  # 1 member there + main audience of both keywords
    assert [r["kind"] for r in items[0]["reasons"]] == ["members", "audience"]
    assert "1 of 2 members" in items[0]["text"]
