"""Validation problems name the field and say what to do, also for a body that is not JSON."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import FastAPI, Form
from fastapi.testclient import TestClient
from pydantic import BaseModel
from relais_common.errors import NotFound, install_error_handlers


class Nickname(BaseModel):
    name: str


def make_app() -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)

    @app.post("/nicknames")
    def add(body: Nickname) -> Nickname:
        return body

    @app.get("/themes/{slug}")
    def theme(slug: str) -> None:
        raise NotFound(f"There is no theme called {slug!r}.")

    return app


def test_a_body_that_is_not_json_gets_a_message_a_person_can_act_on() -> None:
    with TestClient(make_app()) as client:
        resp = client.post(
            "/nicknames", content=b'{"name": ', headers={"Content-Type": "application/json"}
        )
    assert resp.status_code == 422
    assert resp.headers["content-type"] == "application/problem+json"
    [error] = resp.json()["errors"]
    assert error["field"] == "body"
    assert error["message"].startswith("The request body is not valid JSON (")
    assert "near character 9" in error["message"]


def test_field_errors_still_name_the_field() -> None:
    with TestClient(make_app()) as client:
        resp = client.post("/nicknames", json={})
    assert resp.json()["errors"] == [{"field": "name", "message": "This field is required."}]


def test_problems_are_ascii_so_a_guessed_charset_cannot_break_them() -> None:
    # schemathesis found it: requests guessed Shift_JIS for this body and the UTF-8 bytes
    # before a backslash swallowed it ("Invalid \\escape")
    with TestClient(make_app()) as client:
        resp = client.get("/themes/%C2%88%C2%88%C3%89%F0%95%9F%A0")
    assert resp.status_code == 404
    body = resp.content.decode("ascii")
    assert json.loads(resp.content.decode("shift_jis")) == json.loads(body) == resp.json()
    assert r"\u00c9" in body
    assert resp.json()["instance"] == "/themes/\x88\x88\u00c9\U000157e0"


def test_a_malformed_multipart_form_is_a_400_problem_not_a_500() -> None:
    """Form parameters (the gateway's OAuth2 token form): FastAPI itself answers 400 here;
    the CSV import reads request.form() directly, see services/ambassadors/tests/
    test_multipart_import.py, which failed with a 500."""
    app = FastAPI()
    install_error_handlers(app)

    @app.post("/token")
    def token(username: Annotated[str, Form()]) -> str:
        return username

    with TestClient(app, raise_server_exceptions=False) as client:
        resp = client.post(
            "/token",
            content=b"--B\r\nusername\r\n--B--\r\n",  # a part without headers
            headers={"Content-Type": "multipart/form-data; boundary=B"},
        )
    assert resp.status_code == 400
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["status"] == 400
