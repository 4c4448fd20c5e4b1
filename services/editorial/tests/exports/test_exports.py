from editorial_factories import as_, member, network_changed
from fastapi import FastAPI
from fastapi.testclient import TestClient
from relais_common.testing import identity_headers

# the parts of the core nouns (the extras register their own, tested with them)
CORE_PARTS = ("networks", "calendar_entries", "grids", "comments", "reviews")


def test_export_requires_a_signed_in_person(client: TestClient) -> None:
    resp = client.get("/me/export")
    assert resp.status_code == 401
    assert resp.headers["content-type"] == "application/problem+json"


def test_export_of_someone_editorial_knows_nothing_about(client: TestClient) -> None:
    resp = client.get("/me/export", headers=identity_headers("u-1", {"ambassador"}))
    assert resp.status_code == 200
    body = resp.json()
    assert (body["service"], body["user_id"]) == ("editorial", "u-1")
    core = {k: body["data"][k] for k in CORE_PARTS}
    assert core == {
        "networks": [],
        "calendar_entries": [],
        "grids": [],
        "comments": [],
        "reviews": {"approvals": [], "history": []},
    }


def test_export_holds_the_persons_roles_and_no_one_elses(app: FastAPI, client: TestClient) -> None:
    network_changed(app, "n1", "cloud")
    member(app, "n1", "p-1", "chair")
    member(app, "n1", "p-2", "member")
    data = client.get("/me/export", headers=as_("p-1")).json()["data"]
    assert data["networks"] == [{"network_id": "n1", "role": "chair", "display_name": "P 1"}]


def test_forged_identity_is_refused(client: TestClient) -> None:
    headers = identity_headers("u-1", {"admin"}, secret="not-the-secret-at-all-0123456789")
    assert client.get("/me/export", headers=headers).status_code == 401
