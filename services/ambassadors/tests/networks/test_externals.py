"""External actors: the committee records them, accounts checked like ambassadors', notes for
the committee only, shown to members only with a recorded consent."""

from __future__ import annotations

from ambassadors_factories import PASSWORD, Person, person
from ambassadors_network_factories import member, network
from fastapi import FastAPI
from fastapi.testclient import TestClient

JOURNALIST = {
    "kind": "journalist",
    "name": "Léa Martin",
    "organisation": "Le Monde Informatique",
    "accounts": [
        {"platform": "mastodon", "value": "https://journalism.social/@lea"},
        {"platform": "linkedin", "value": "lea-martin"},
    ],
    "notes": "Prefers e-mail.",
}


def _setup(app: FastAPI) -> tuple[str, Person, Person, Person]:
    chair, com, ada = person(app), person(app, name="Owner Person"), person(app)
    slug = network(app, "Net", chair_id=chair.id)
    member(app, slug, com.id, "committee")
    member(app, slug, ada.id)
    return slug, chair, com, ada


class TestCreate:
    def test_committee_records_with_normalised_accounts(
        self, client: TestClient, app: FastAPI
    ) -> None:
        slug, _chair, com, ada = _setup(app)
        body = JOURNALIST | {"owner_id": com.id}
        resp = client.post(f"/networks/{slug}/externals", json=body, headers=com.headers)
        assert resp.status_code == 201, resp.text
        got = resp.json()
        assert [(a["platform"], a["handle"]) for a in got["accounts"]] == [
            ("mastodon", "@lea@journalism.social"),
            ("linkedin", "lea-martin"),
        ]
        assert got["owner"]["display_name"] == "Owner Person"
        assert got["notes"] == "Prefers e-mail." and got["consented"] is False
        assert resp.headers["ETag"] == f'"{got["id"]}.1"'
        # a member does not see them before their consent
        listed = client.get(f"/networks/{slug}/externals", headers=ada.headers).json()
        assert listed["items"] == []
        one = client.get(f"/networks/{slug}/externals/{got['id']}", headers=ada.headers)
        assert one.status_code == 404

    def test_bad_accounts_are_field_errors(self, client: TestClient, app: FastAPI) -> None:
        slug, _chair, com, _ada = _setup(app)
        body = JOURNALIST | {"accounts": [{"platform": "x", "value": "not a handle!!"}]}
        resp = client.post(f"/networks/{slug}/externals", json=body, headers=com.headers)
        assert resp.status_code == 422
        assert resp.json()["errors"][0]["field"] == "accounts.0.value"
        unknown = JOURNALIST | {"accounts": [{"platform": "myspace", "value": "a"}]}
        resp = client.post(f"/networks/{slug}/externals", json=unknown, headers=com.headers)
        assert resp.status_code == 422
        assert resp.json()["errors"][0]["field"] == "accounts.0.platform"
        kind = JOURNALIST | {"kind": "spy"}
        assert (
            client.post(f"/networks/{slug}/externals", json=kind, headers=com.headers).status_code
            == 422
        )

    def test_members_cannot_record(self, client: TestClient, app: FastAPI) -> None:
        slug, _chair, _com, ada = _setup(app)
        resp = client.post(f"/networks/{slug}/externals", json=JOURNALIST, headers=ada.headers)
        assert resp.status_code == 403


class TestConsentAndUpdate:
    def test_consent_shows_them_to_members_without_notes(
        self, client: TestClient, app: FastAPI
    ) -> None:
        slug, _chair, com, ada = _setup(app)
        made = client.post(
            f"/networks/{slug}/externals", json=JOURNALIST, headers=com.headers
        ).json()
        path = f"/networks/{slug}/externals/{made['id']}"
        granted = client.post(
            f"{path}/consent", json={"granted": True, "evidence": "Signed form"},
            headers=com.headers,
        )  # fmt: skip
        assert granted.status_code == 200 and granted.json()["consented"] is True
        seen = client.get(path, headers=ada.headers).json()
        assert seen["name"] == "Léa Martin"
        assert seen["notes"] is None and seen["consent_history"] is None
        client.post(f"{path}/consent", json={"granted": False}, headers=com.headers)
        assert client.get(path, headers=ada.headers).status_code == 404
        ledger = client.get(path, headers=com.headers).json()["consent_history"]
        assert [(c["granted"], c["evidence"]) for c in ledger] == [
            (True, "Signed form"),
            (False, ""),
        ]

    def test_update_needs_if_match(self, client: TestClient, app: FastAPI) -> None:
        slug, _chair, com, _ada = _setup(app)
        made = client.post(f"/networks/{slug}/externals", json=JOURNALIST, headers=com.headers)
        path = f"/networks/{slug}/externals/{made.json()['id']}"
        headers = com.headers
        assert client.patch(path, json={"name": "L. M."}, headers=headers).status_code == 428
        stale = {**headers, "If-Match": '"x.1"'}
        assert client.patch(path, json={"name": "L. M."}, headers=stale).status_code == 412
        fresh = {**headers, "If-Match": made.headers["ETag"]}
        ok = client.patch(path, json={"name": "L. M.", "kind": "analyst"}, headers=fresh)
        assert ok.status_code == 200 and (ok.json()["name"], ok.json()["kind"]) == (
            "L. M.",
            "analyst",
        )
        assert client.delete(path, headers=headers).status_code == 204
        assert client.get(path, headers=headers).status_code == 404


class TestOwnerErasure:
    def test_erasing_the_owner_keeps_the_external(self, client: TestClient, app: FastAPI) -> None:
        slug, chair, com, _ada = _setup(app)
        owner = person(app, name="Gone Owner")
        body = JOURNALIST | {"owner_id": owner.id}
        made = client.post(f"/networks/{slug}/externals", json=body, headers=com.headers).json()
        resp = client.request("DELETE", "/me", json={"password": PASSWORD}, headers=owner.headers)
        assert resp.status_code == 204
        got = client.get(f"/networks/{slug}/externals/{made['id']}", headers=chair.headers)
        assert got.status_code == 200 and got.json()["owner"] is None
