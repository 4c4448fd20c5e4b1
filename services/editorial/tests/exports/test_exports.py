from fastapi.testclient import TestClient
from relais_common.testing import identity_headers


def test_export_requires_a_signed_in_person(client: TestClient) -> None:
    resp = client.get("/me/export")
    assert resp.status_code == 401
    assert resp.headers["content-type"] == "application/problem+json"


def test_export_returns_the_callers_data(client: TestClient) -> None:
    resp = client.get("/me/export", headers=identity_headers("u-1", {"ambassador"}))
    assert resp.status_code == 200
    assert resp.json() == {"service": "editorial", "user_id": "u-1", "data": {}}


def test_forged_identity_is_refused(client: TestClient) -> None:
    headers = identity_headers("u-1", {"admin"}, secret="not-the-secret-at-all-0123456789")
    assert client.get("/me/export", headers=headers).status_code == 401
