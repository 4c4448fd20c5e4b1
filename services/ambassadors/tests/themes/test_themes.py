from ambassadors_factories import last_event_id, listed_person, outbox, person, theme
from fastapi import FastAPI
from fastapi.testclient import TestClient


def join(client: TestClient, headers: dict[str, str], theme_ids: list[str]) -> None:
    tag = client.get("/me", headers=headers).headers["ETag"]
    resp = client.patch("/me", json={"theme_ids": theme_ids}, headers={**headers, "If-Match": tag})
    assert resp.status_code == 200, resp.text


class TestCreateTheme:
    def test_roles(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        assert client.post("/themes", json={"name": "X"}).status_code == 401
        assert client.post("/themes", json={"name": "X"}, headers=who.headers).status_code == 403

    def test_slug_event_and_duplicate(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        after = last_event_id(client)
        resp = client.post("/themes", json={"name": "Données & IA"}, headers=admin.headers)
        assert resp.status_code == 201
        created = resp.json()
        assert created["slug"] == "donnees-ia"
        assert created["ambassador_count"] == 0
        events = outbox(client, after)
        assert [(e["type"], e["payload"]["slug"]) for e in events] == [
            ("theme.changed", "donnees-ia")
        ]
        again = client.post("/themes", json={"name": "donnees  ia"}, headers=admin.headers)
        assert again.status_code == 409
        assert client.post("/themes", json={"name": " "}, headers=admin.headers).status_code == 422


class TestListThemes:
    def test_archived_only_for_admins(self, client: TestClient, app: FastAPI) -> None:
        who = person(app)
        admin = person(app, admin=True)
        gone = theme(app, "Gone")
        theme(app, "Kept")
        client.post(f"/themes/{gone}/archive", headers=admin.headers)
        names = [t["name"] for t in client.get("/themes", headers=who.headers).json()]
        assert names == ["Kept"]
        url = "/themes?include_archived=true"
        assert client.get(url, headers=who.headers).status_code == 403
        assert len(client.get(url, headers=admin.headers).json()) == 2


class TestRenameTheme:
    def test_if_match_rules(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        tid = theme(app, "Cloud")
        url = f"/themes/{tid}"
        assert client.patch(url, json={"name": "Sky"}, headers=admin.headers).status_code == 428
        stale = {**admin.headers, "If-Match": f'"{tid}.9"'}
        assert client.patch(url, json={"name": "Sky"}, headers=stale).status_code == 412
        tag = client.get(url, headers=admin.headers).headers["ETag"]
        resp = client.patch(url, json={"name": "Sky"}, headers={**admin.headers, "If-Match": tag})
        assert resp.status_code == 200
        assert (resp.json()["slug"], resp.json()["version"]) == ("sky", 2)
        missing = "/themes/00000000-0000-0000-0000-000000000000"
        resp = client.patch(
            missing, json={"name": "Sky"}, headers={**admin.headers, "If-Match": "*"}
        )
        assert resp.status_code == 404

    def test_rename_republishes_listed_members(self, client: TestClient, app: FastAPI) -> None:
        who = listed_person(app, client)
        admin = person(app, admin=True)
        tid = theme(app, "Cloud")
        join(client, who.headers, [tid])
        # a listed person's new theme is a change the core team approves first
        assert client.post(f"/admin/moderation/{who.id}/approve", headers=admin.headers).is_success
        after = last_event_id(client)
        h = {**admin.headers, "If-Match": "*"}
        client.patch(f"/themes/{tid}", json={"name": "Cloud security"}, headers=h)
        events = outbox(client, after)
        assert [e["type"] for e in events] == ["theme.changed", "ambassador.public"]
        assert events[1]["payload"]["themes"] == [
            {"slug": "cloud-security", "name": "Cloud security"}
        ]


class TestMergeAndArchive:
    def test_merge_moves_ambassadors(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        who = listed_person(app, client)
        source, target = theme(app, "Devops"), theme(app, "Cloud")
        join(client, who.headers, [source])
        after = last_event_id(client)
        resp = client.post(
            f"/themes/{source}/merge", json={"into_id": target}, headers=admin.headers
        )
        assert resp.status_code == 200
        assert resp.json()["ambassador_count"] == 1
        types = [e["type"] for e in outbox(client, after)]
        assert types == ["theme.merged", "ambassador.public"]
        assert outbox(client, after)[0]["payload"] == {
            "id": source, "slug": "devops", "into_slug": "cloud"
        }  # fmt: skip
        me = client.get("/me", headers=who.headers).json()
        assert [t["slug"] for t in me["themes"]] == ["cloud"]
        again = client.post(
            f"/themes/{source}/merge", json={"into_id": target}, headers=admin.headers
        )
        assert again.status_code == 409
        itself = client.post(
            f"/themes/{target}/merge", json={"into_id": target}, headers=admin.headers
        )
        assert itself.status_code == 409

    def test_archive(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        tid = theme(app, "Old")
        after = last_event_id(client)
        resp = client.post(f"/themes/{tid}/archive", headers=admin.headers)
        assert resp.json()["archived_at"]
        assert outbox(client, after)[0]["payload"]["archived"] is True
        assert client.post(f"/themes/{tid}/archive", headers=admin.headers).status_code == 409
