"""Malformed multipart uploads get a problem, never a 500 (fuzz finding on the CSV import)."""

from __future__ import annotations

import pytest
from ambassadors_factories import person
from fastapi import FastAPI
from fastapi.testclient import TestClient

MALFORMED = {
    "a part without headers": b"--B\r\nname,email\r\n--B--\r\n",
    "a header line without a colon": b"--B\r\nnonsense\r\n\r\nx\r\n--B--\r\n",
    "bytes that are no header": b"--B\r\n\xff\xfe: x\r\n\r\nx\r\n--B--\r\n",
    "no boundary at all": b"name,email\r\n",
    "one stray byte": b"x",
    "bare line feeds": b"--B\n\nx\n--B--\n",
}


@pytest.mark.parametrize("body", MALFORMED.values(), ids=list(MALFORMED))
def test_malformed_multipart_is_a_400_problem(
    client: TestClient, app: FastAPI, body: bytes
) -> None:
    admin = person(app, admin=True)
    headers = {**admin.headers, "Content-Type": "multipart/form-data; boundary=B"}
    resp = client.post("/invitations/import", content=body, headers=headers)
    assert resp.status_code == 400, resp.text
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["type"].endswith("/malformed-multipart")
    assert "Content-Disposition" in resp.json()["detail"]


def test_a_part_with_headers_but_no_name_is_a_400_too(client: TestClient, app: FastAPI) -> None:
    admin = person(app, admin=True)
    headers = {**admin.headers, "Content-Type": "multipart/form-data; boundary=B"}
    body = b"--B\r\n\r\nname,email\r\n--B--\r\n"
    resp = client.post("/invitations/import", content=body, headers=headers)
    assert resp.status_code == 400
    assert resp.headers["content-type"] == "application/problem+json"


def test_the_file_as_a_plain_field_is_read_as_text(client: TestClient, app: FastAPI) -> None:
    admin = person(app, admin=True)
    headers = {**admin.headers, "Content-Type": "multipart/form-data; boundary=B"}
    body = (
        b'--B\r\nContent-Disposition: form-data; name="file"\r\n\r\n'
        b"name,email\r\nAda,ada@example.com\r\n--B--\r\n"
    )
    resp = client.post("/invitations/import", content=body, headers=headers)
    assert resp.status_code == 200, resp.text
    assert resp.json()["created"] == 1


def test_a_well_formed_upload_still_imports(client: TestClient, app: FastAPI) -> None:
    admin = person(app, admin=True)
    files = {"file": ("people.csv", b"name,email\nAda,ada@example.com\n", "text/csv")}
    resp = client.post("/invitations/import", files=files, headers=admin.headers)
    assert resp.status_code == 200, resp.text
    assert resp.json()["created"] == 1
