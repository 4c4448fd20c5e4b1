"""The suites' shared route analysis (relais_common.testing.share_validators_across_apps, on
for every suite through the plugin): a second app reuses the first one's compiled validators
and signatures, and refuses and accepts exactly what a fresh app does."""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Query
from fastapi._compat import v2
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field
from relais_common.testing import _SIGNATURES, _VALIDATORS, share_validators_across_apps


class Note(BaseModel):
    text: str = Field(min_length=2, max_length=5)


def create(note: Note, limit: Annotated[int, Query(ge=1, le=10)] = 5) -> dict[str, int]:
    return {"length": len(note.text), "limit": limit}


def tags(tag: Annotated[list[str] | None, Query()] = None) -> list[str]:
    return tag or []


def build() -> FastAPI:
    app = FastAPI()
    app.post("/notes")(create)
    app.get("/tags")(tags)
    return app


def answers(app: FastAPI) -> list[tuple[int, object]]:
    with TestClient(app) as client:
        calls = [
            client.post("/notes?limit=3", json={"text": "abc"}),
            client.post("/notes", json={"text": "a"}),  # too short
            client.post("/notes", json={"text": "abcdef"}),  # too long
            client.post("/notes?limit=11", json={"text": "abc"}),  # above the bound
            client.post("/notes?limit=x", json={"text": "abc"}),
            client.get("/tags?tag=a&tag=b"),
        ]
    return [(resp.status_code, resp.json()) for resp in calls]


def test_the_plugin_turned_it_on() -> None:
    assert getattr(v2.ModelField.__post_init__, "shared", False)
    share_validators_across_apps()  # a second call changes nothing
    assert getattr(v2.ModelField.__post_init__, "shared", False)


def test_a_second_app_answers_as_the_first_with_the_same_validators() -> None:
    first = answers(build())
    assert [status for status, _ in first] == [200, 422, 422, 422, 422, 200]
    assert first[0][1] == {"length": 3, "limit": 3}
    assert first[5][1] == ["a", "b"]
    compiled = len(_VALIDATORS)
    assert compiled > 0
    assert answers(build()) == first
    assert len(_VALIDATORS) == compiled  # nothing compiled again for the second app
    assert create in _SIGNATURES and tags in _SIGNATURES  # read once, annotations evaluated
