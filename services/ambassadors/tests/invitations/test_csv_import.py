from ambassadors_factories import department, person
from fastapi import FastAPI
from fastapi.testclient import TestClient

CSV = (
    "name,email,department,location\n"
    "Léa Dubois,lea@example.com,Sales,Paris\n"
    "Bob,taken@example.com,,\n"
    "Léa again,LEA@example.com,,\n"
    "Broken,not-an-email,,\n"
    "Too,many@example.com,Sales,Paris,extra\n"
    "Ghost,ghost@example.com,Nowhere,\n"
    "\n"
    "Kenji Sato,kenji@example.com,,Tokyo\n"
)


class TestImport:
    def test_report_per_line(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        person(app, email="taken@example.com")
        department(app, "Sales")
        resp = client.post(
            "/invitations/import",
            content=CSV.encode(),
            headers={**admin.headers, "Content-Type": "text/csv"},
        )
        assert resp.status_code == 200, resp.text
        report = resp.json()
        assert report["created"] == 2
        assert report["skipped"] == [
            {"line": 3, "email": "taken@example.com", "reason": "already has an account"},
            {"line": 4, "email": "lea@example.com", "reason": "appears twice in the file"},
        ]
        assert [e["line"] for e in report["errors"]] == [5, 6, 7]
        assert "Unknown department" in report["errors"][2]["message"]
        mails = client.get("/admin/mailbox", headers=admin.headers).json()["items"]
        assert sorted(m["to"] for m in mails) == ["kenji@example.com", "lea@example.com"]

    def test_semicolons_and_multipart(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        text = "name;email;department;location\nAna;ana@example.com;;Lisboa\n"
        resp = client.post(
            "/invitations/import",
            files={"file": ("people.csv", text.encode(), "text/csv")},
            headers=admin.headers,
        )
        assert resp.status_code == 200, resp.text
        assert resp.json() == {"created": 1, "skipped": [], "errors": []}

    def test_refusals(self, client: TestClient, app: FastAPI) -> None:
        admin = person(app, admin=True)
        who = person(app)
        csv_headers = {"Content-Type": "text/csv"}
        body = b"name,email\nA,a@example.com\n"
        assert client.post("/invitations/import", content=body).status_code == 401
        resp = client.post(
            "/invitations/import", content=body, headers={**who.headers, **csv_headers}
        )
        assert resp.status_code == 403
        no_header = client.post(
            "/invitations/import", content=b"A,a@example.com\n",
            headers={**admin.headers, **csv_headers},
        )  # fmt: skip
        assert no_header.status_code == 422
        latin1 = client.post(
            "/invitations/import", content="name,email\nL\xe9a,l@example.com\n".encode("latin-1"),
            headers={**admin.headers, **csv_headers},
        )  # fmt: skip
        assert latin1.status_code == 422
