"""Networks API: create, list (who sees what), read with ETag, update with If-Match, archive."""

from __future__ import annotations

from typing import Any

from ambassadors_factories import outbox, person, theme
from ambassadors_network_factories import member, network
from fastapi import FastAPI
from fastapi.testclient import TestClient


def _create(client: TestClient, headers: dict[str, str], **body: Any) -> Any:
    return client.post("/networks", json=body, headers=headers)


class TestCreate:
    def test_admin_creates_with_themes_and_chair(self, client: TestClient, app: FastAPI) -> None:
        admin, chair = person(app, admin=True), person(app, name="Chair Person")
        cloud, sec = theme(app, "Cloud"), theme(app, "Security")
        resp = _create(
            client, admin.headers, name="Cloud security", purpose="Explain.",
            theme_ids=[cloud, sec], visibility="request", chair_id=chair.id,
        )  # fmt: skip
        assert resp.status_code == 201, resp.text
        body = resp.json()
        assert body["slug"] == "cloud-security"
        assert [t["name"] for t in body["themes"]] == ["Cloud", "Security"]
        assert body["member_count"] == 1 and body["visibility"] == "request"
        assert resp.headers["ETag"] == f'"{body["id"]}.1"'
        members = client.get("/networks/cloud-security/members", headers=chair.headers).json()
        assert [(m["display_name"], m["role"]) for m in members["items"]] == [
            ("Chair Person", "chair")
        ]
        events = {e["type"]: e["payload"] for e in outbox(client)}
        assert events["network.changed"]["theme_slugs"] == ["cloud", "security"]
        assert events["network.member"] == {
            "network_id": body["id"], "person_id": chair.id,
            "display_name": "Chair Person", "role": "chair",
        }  # fmt: skip

    def test_same_name_is_409_and_bad_input_422(self, client: TestClient, app: FastAPI) -> None:
        admin, chair = person(app, admin=True), person(app)
        assert _create(client, admin.headers, name="Data", chair_id=chair.id).status_code == 201
        again = _create(client, admin.headers, name="data", chair_id=chair.id)
        assert again.status_code == 409
        bad = _create(client, admin.headers, name="X", chair_id=chair.id, theme_ids=["nope"])
        assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "theme_ids"
        vis = _create(client, admin.headers, name="Y", chair_id=chair.id, visibility="secret")
        assert vis.status_code == 422
        assert _create(client, admin.headers, name="Z", chair_id="nobody").status_code == 404

    def test_an_unconfirmed_chair_is_refused(self, client: TestClient, app: FastAPI) -> None:
        admin, unverified = person(app, admin=True), person(app, verified=False)
        resp = _create(client, admin.headers, name="Net", chair_id=unverified.id)
        assert resp.status_code == 409

    def test_only_admins(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        assert _create(client, who.headers, name="N", chair_id=who.id).status_code == 403


class TestList:
    def test_who_sees_what(self, client: TestClient, app: FastAPI) -> None:
        chair, invited, outsider = person(app), person(app), person(app)
        admin = person(app, admin=True)
        network(app, "Open one", chair_id=chair.id)
        network(app, "Asked one", chair_id=chair.id, visibility="request")
        secret = network(app, "Secret one", chair_id=chair.id, visibility="invitation")
        invite = client.post(
            f"/networks/{secret}/invitations", json={"ambassador_id": invited.id},
            headers=chair.headers,
        )  # fmt: skip
        assert invite.status_code == 201, invite.text

        def names(headers: dict[str, str], **params: Any) -> list[str]:
            resp = client.get("/networks", params=params, headers=headers)
            assert resp.status_code == 200, resp.text
            return [n["name"] for n in resp.json()["items"]]

        assert names(outsider.headers) == ["Asked one", "Open one"]
        assert names(invited.headers) == ["Asked one", "Open one", "Secret one"]
        assert names(invited.headers, mine=True) == ["Secret one"]
        assert names(admin.headers) == ["Asked one", "Open one", "Secret one"]
        assert client.get(f"/networks/{secret}", headers=outsider.headers).status_code == 404
        mine = client.get(f"/networks/{secret}", headers=invited.headers).json()
        assert (mine["my_status"], mine["my_role"]) == ("invited", None)

    def test_theme_filter_and_pages(self, client: TestClient, app: FastAPI) -> None:
        chair = person(app)
        cloud = theme(app, "Cloud")
        for name in ("Alpha", "Beta", "Gamma"):
            network(app, name, chair_id=chair.id, theme_ids=[cloud] if name != "Beta" else [])
        resp = client.get("/networks", params={"theme": "cloud"}, headers=chair.headers)
        assert [n["name"] for n in resp.json()["items"]] == ["Alpha", "Gamma"]
        first = client.get("/networks", params={"limit": 2}, headers=chair.headers).json()
        assert [n["name"] for n in first["items"]] == ["Alpha", "Beta"]
        rest = client.get(
            "/networks", params={"limit": 2, "cursor": first["next_cursor"]}, headers=chair.headers
        ).json()
        assert [n["name"] for n in rest["items"]] == ["Gamma"] and rest["next_cursor"] is None
        bad = client.get("/networks", params={"cursor": "!!"}, headers=chair.headers)
        assert bad.status_code == 422

    def test_archived_only_for_admins(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        resp = client.get("/networks", params={"include_archived": True}, headers=who.headers)
        assert resp.status_code == 403


class TestUpdate:
    def test_if_match_required_and_checked(self, client: TestClient, app: FastAPI) -> None:
        admin, chair = person(app, admin=True), person(app)
        slug = network(app, "Old name", chair_id=chair.id)
        read = client.get(f"/networks/{slug}", headers=admin.headers)
        etag = read.headers["ETag"]
        path = f"/networks/{slug}"
        assert client.patch(path, json={"name": "New"}, headers=admin.headers).status_code == 428
        stale = {**admin.headers, "If-Match": '"x.0"'}
        assert client.patch(path, json={"name": "New"}, headers=stale).status_code == 412
        ok = client.patch(
            path, json={"name": "New name", "visibility": "invitation"},
            headers={**admin.headers, "If-Match": etag},
        )  # fmt: skip
        assert ok.status_code == 200, ok.text
        assert ok.json()["slug"] == "new-name" and ok.headers["ETag"] != etag
        assert client.get("/networks/new-name", headers=admin.headers).status_code == 200
        unknown = client.patch(
            "/networks/none", json={}, headers={**admin.headers, "If-Match": etag}
        )
        assert unknown.status_code == 404
        extra = client.patch("/networks/new-name", json={"colour": "red"}, headers=admin.headers)
        assert extra.status_code == 422

    def test_chair_cannot_edit(self, client: TestClient, app: FastAPI) -> None:
        chair = person(app)
        slug = network(app, "Mine", chair_id=chair.id)
        resp = client.patch(
            f"/networks/{slug}", json={"name": "X"}, headers={**chair.headers, "If-Match": "*"}
        )
        assert resp.status_code == 403


class TestArchive:
    def test_archive_then_conflicts(self, client: TestClient, app: FastAPI) -> None:
        admin, chair, other = person(app, admin=True), person(app), person(app)
        slug = network(app, "Closing", chair_id=chair.id)
        resp = client.post(f"/networks/{slug}/archive", headers=admin.headers)
        assert resp.status_code == 200 and resp.json()["archived_at"]
        assert client.post(f"/networks/{slug}/archive", headers=admin.headers).status_code == 409
        # members still read it; others no longer see it; nobody joins
        assert client.get(f"/networks/{slug}", headers=chair.headers).status_code == 200
        assert client.get(f"/networks/{slug}", headers=other.headers).status_code == 404
        assert client.get("/networks", headers=chair.headers).json()["items"] == []
        listed = client.get("/networks", params={"include_archived": True}, headers=admin.headers)
        assert [n["slug"] for n in listed.json()["items"]] == [slug]
        events = [e for e in outbox(client) if e["type"] == "network.changed"]
        assert events[-1]["payload"]["archived"] is True


class TestAppointChair:
    def test_replace_the_chair(self, client: TestClient, app: FastAPI) -> None:
        admin, first, second = person(app, admin=True), person(app), person(app)
        slug = network(app, "Relay", chair_id=first.id)
        member(app, slug, second.id)
        resp = client.put(
            f"/networks/{slug}/chair", json={"ambassador_id": second.id}, headers=admin.headers
        )
        assert resp.status_code == 200, resp.text
        roles = {
            m["ambassador_id"]: m["role"]
            for m in client.get(f"/networks/{slug}/members", headers=admin.headers).json()["items"]
        }
        assert roles == {first.id: "committee", second.id: "chair"}
        history = client.get(f"/networks/{slug}/history", headers=second.headers).json()["items"]
        assert (history[0]["from_role"], history[0]["to_role"]) == ("chair", "committee")
        assert history[0]["actor_id"] == admin.id


class TestThemesFollow:
    """Editorial checks calendar entries against a network's theme slugs: a renamed or merged
    theme must reach it as a network.changed with the new slugs."""

    def _theme_tag(self, client: TestClient, theme_id: str, headers: dict[str, str]) -> str:
        return str(client.get(f"/themes/{theme_id}", headers=headers).headers["ETag"])

    def test_renaming_a_theme_announces_its_networks(
        self, client: TestClient, app: FastAPI
    ) -> None:
        admin, chair = person(app, admin=True), person(app)
        cloud, other = theme(app, "Cloud"), theme(app, "Other")
        slug = network(app, "Sky", chair_id=chair.id, theme_ids=[cloud])
        network(app, "Elsewhere", chair_id=chair.id, theme_ids=[other])
        before = client.get(f"/networks/{slug}", headers=admin.headers)
        assert [t["slug"] for t in before.json()["themes"]] == ["cloud"]
        seen = len(outbox(client))
        tag = self._theme_tag(client, cloud, admin.headers)
        resp = client.patch(
            f"/themes/{cloud}", json={"name": "Cloud native"},
            headers={**admin.headers, "If-Match": tag},
        )  # fmt: skip
        assert resp.status_code == 200, resp.text
        changed = [e["payload"] for e in outbox(client)[seen:] if e["type"] == "network.changed"]
        assert [(p["slug"], p["theme_slugs"]) for p in changed] == [("sky", ["cloud-native"])]
        after = client.get(f"/networks/{slug}", headers=admin.headers)
        assert after.headers["ETag"] != before.headers["ETag"]  # its themes read differently

    def test_a_description_edit_announces_nothing(self, client: TestClient, app: FastAPI) -> None:
        admin, chair = person(app, admin=True), person(app)
        cloud = theme(app, "Cloud")
        network(app, "Sky", chair_id=chair.id, theme_ids=[cloud])
        seen = len(outbox(client))
        tag = self._theme_tag(client, cloud, admin.headers)
        resp = client.patch(
            f"/themes/{cloud}", json={"description": "Clouds."},
            headers={**admin.headers, "If-Match": tag},
        )  # fmt: skip
        assert resp.status_code == 200, resp.text
        assert "network.changed" not in [e["type"] for e in outbox(client)[seen:]]

    def test_merging_a_theme_moves_its_networks(self, client: TestClient, app: FastAPI) -> None:
        admin, chair = person(app, admin=True), person(app)
        k8s, cloud = theme(app, "Kubernetes"), theme(app, "Cloud")
        only_source = network(app, "Pods", chair_id=chair.id, theme_ids=[k8s])
        both = network(app, "Clusters", chair_id=chair.id, theme_ids=[k8s, cloud])
        seen = len(outbox(client))
        resp = client.post(f"/themes/{k8s}/merge", json={"into_id": cloud}, headers=admin.headers)
        assert resp.status_code == 200, resp.text
        for slug in (only_source, both):  # the merged theme went into Cloud, once each
            themes = client.get(f"/networks/{slug}", headers=admin.headers).json()["themes"]
            assert [t["slug"] for t in themes] == ["cloud"]
        changed = {
            e["payload"]["slug"]: e["payload"]["theme_slugs"]
            for e in outbox(client)[seen:]
            if e["type"] == "network.changed"
        }
        assert changed == {"pods": ["cloud"], "clusters": ["cloud"]}
