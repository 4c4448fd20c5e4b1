from ambassadors_factories import charter, department, person, theme
from fastapi import FastAPI
from fastapi.testclient import TestClient


def profile(client: TestClient, headers: dict[str, str], **body: object) -> None:
    tag = client.get("/me", headers=headers).headers["ETag"]
    resp = client.patch("/me", json=body, headers={**headers, "If-Match": tag})
    assert resp.status_code == 200, resp.text


def names(client: TestClient, headers: dict[str, str], query: str = "") -> list[str]:
    resp = client.get(f"/directory{query}", headers=headers)
    assert resp.status_code == 200, resp.text
    return [e["display_name"] for e in resp.json()["items"]]


class TestDirectory:
    def test_anonymous_is_401(self, client: TestClient) -> None:
        assert client.get("/directory").status_code == 401

    def test_filters(self, client: TestClient, app: FastAPI) -> None:
        charter(app)
        rd = department(app, "R&D")
        cloud = theme(app, "Cloud")
        ana = person(app, name="Ana Lima")
        bob = person(app, name="Bob Martin")
        person(app, name="Carl Pending", accepted=False)
        profile(client, ana.headers, department_id=rd, theme_ids=[cloud], languages=["pt", "en"])
        profile(client, bob.headers, job_title="100% sales", location="Lyon", languages=["fr"])
        client.post(
            "/me/accounts", json={"platform": "github", "value": "bob"}, headers=bob.headers
        )
        h = ana.headers
        assert names(client, h) == ["Ana Lima", "Bob Martin"]
        assert names(client, h, "?q=lyon") == ["Bob Martin"]
        assert names(client, h, "?q=100%25") == ["Bob Martin"]
        assert names(client, h, "?q=_") == []
        assert names(client, h, "?theme=cloud") == ["Ana Lima"]
        assert names(client, h, f"?department={rd}") == ["Ana Lima"]
        assert names(client, h, "?platform=github") == ["Bob Martin"]
        assert names(client, h, "?language=pt") == ["Ana Lima"]
        entry = client.get("/directory?theme=cloud", headers=h).json()["items"][0]
        assert entry["department"]["name"] == "R&D"
        assert [t["slug"] for t in entry["themes"]] == ["cloud"]
        assert entry["public"] is False
        assert "email" not in entry

    def test_cursor_pagination(self, client: TestClient, app: FastAPI) -> None:
        people = [person(app, name=f"Person {i:02d}") for i in range(5)]
        h = people[0].headers
        seen: list[str] = []
        cursor = None
        while True:
            query = "?limit=2" + (f"&cursor={cursor}" if cursor else "")
            page = client.get(f"/directory{query}", headers=h).json()
            seen += [e["display_name"] for e in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == [f"Person {i:02d}" for i in range(5)]
        bad = client.get("/directory?cursor=%%%", headers=h)
        assert bad.status_code == 422


class TestAdminAmbassadors:
    def test_status_filter_and_pages(self, client: TestClient, app: FastAPI) -> None:
        charter(app)
        admin = person(app, admin=True, email="a-admin@example.com")
        person(app, email="b-pending@example.com", accepted=False)
        person(app, email="c-active@example.com")
        who = person(app)
        assert client.get("/admin/ambassadors", headers=who.headers).status_code == 403
        url = "/admin/ambassadors?status=pending"
        pending = client.get(url, headers=admin.headers).json()["items"]
        assert [p["email"] for p in pending] == ["b-pending@example.com"]
        page = client.get("/admin/ambassadors?limit=2", headers=admin.headers).json()
        assert [p["email"] for p in page["items"]] == [
            "a-admin@example.com", "b-pending@example.com",
        ]  # fmt: skip
        assert page["items"][0]["roles"] == ["admin", "ambassador"]
        rest = client.get(
            f"/admin/ambassadors?limit=2&cursor={page['next_cursor']}", headers=admin.headers
        ).json()
        assert rest["items"][0]["email"] == "c-active@example.com"

    def test_mailbox_pages_newest_first(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        for i in range(3):
            body = {"email": f"m{i}@example.com"}
            assert client.post("/invitations", json=body, headers=admin.headers).status_code == 201
        first = client.get("/admin/mailbox?limit=2", headers=admin.headers).json()
        rest = client.get(
            f"/admin/mailbox?limit=2&cursor={first['next_cursor']}", headers=admin.headers
        ).json()
        assert [m["to"] for m in first["items"] + rest["items"]] == [
            "m2@example.com", "m1@example.com", "m0@example.com",
        ]  # fmt: skip
        assert rest["next_cursor"] is None

    def test_invitations_page_newest_first(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        for email in ("zoe@example.com", "adam@example.com", "mia@example.com"):
            assert client.post(
                "/invitations", json={"email": email}, headers=admin.headers
            ).is_success
        seen: list[str] = []
        url = "/invitations?limit=1"
        while url:
            page = client.get(url, headers=admin.headers).json()
            seen += [i["email"] for i in page["items"]]
            url = page["next_cursor"] and f"/invitations?limit=1&cursor={page['next_cursor']}"
        assert seen == ["mia@example.com", "adam@example.com", "zoe@example.com"]

    def test_forged_cursors_are_422(self, client: TestClient, app: FastAPI) -> None:
        from relais_common.pagination import encode_cursor

        admin = person(app, admin=True)
        for values in ([1, "x"], ["2026-01-01T00:00:00", "x"], ["not a date", "x"], [{}, []]):
            url = f"/admin/mailbox?cursor={encode_cursor(values)}"
            assert client.get(url, headers=admin.headers).status_code == 422, values
        bad = client.get(f"/directory?cursor={encode_cursor(['a', {}])}", headers=admin.headers)
        assert bad.status_code == 422


class TestAccentAndCaseInsensitiveSearch:
    def test_accents_and_case_do_not_matter(self, client: TestClient, app: FastAPI) -> None:
        charter(app)
        lea = person(app, name="Léa Dubois")
        person(app, name="LEA Martin")
        person(app, name="lea petit")
        elodie = person(app, name="Bob Durand")
        profile(client, elodie.headers, display_name="Élodie Durand", location="Saint-Étienne")
        everyone = ["Élodie Durand", "LEA Martin", "Léa Dubois", "lea petit"]
        assert sorted(names(client, lea.headers)) == sorted(everyone)
        leas = ["LEA Martin", "Léa Dubois", "lea petit"]
        for q in ("lé", "LEA", "lea", "Léa", "LÉA"):
            assert sorted(names(client, lea.headers, f"?q={q}")) == sorted(leas), q
        for q in ("elodie", "Élodie", "ÉLODIE", "saint-etienne", "ÉTIENNE"):
            assert names(client, lea.headers, f"?q={q}") == ["Élodie Durand"], q
        assert names(client, lea.headers, "?q=bob") == []  # the old name is forgotten
