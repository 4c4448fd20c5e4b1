"""Oversized JSON bodies are refused before validation, and problems stay short."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict
from relais_common.app import create_service_app
from relais_common.bodyguard import BodyLimits, check_body
from relais_common.errors import MAX_REPORTED_ERRORS
from relais_common.settings import CommonSettings


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = ""
    tags: list[str] = []


class ThirtyFields(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    f0: int
    f1: int
    f2: int
    f3: int
    f4: int
    f5: int
    f6: int
    f7: int
    f8: int
    f9: int
    f10: int
    f11: int
    f12: int
    f13: int
    f14: int
    f15: int
    f16: int
    f17: int
    f18: int
    f19: int
    f20: int
    f21: int
    f22: int
    f23: int
    f24: int
    f25: int
    f26: int
    f27: int
    f28: int
    f29: int


def service_app(tmp_path: Path) -> FastAPI:
    router = APIRouter()

    @router.patch("/me")
    def patch_me(body: Profile) -> Profile:
        return body

    @router.post("/many")
    def many(body: ThirtyFields) -> ThirtyFields:
        return body

    settings = CommonSettings(
        database_url=f"sqlite:///{tmp_path / 'x.db'}", env="test", run_workers=False
    )
    return create_service_app(settings, title="t", description="t", routers=[router])


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(service_app(tmp_path))


def test_200000_unknown_keys_get_one_short_problem(client: TestClient) -> None:
    body = json.dumps({f"k{i}": "v" for i in range(200_000)})
    assert len(body) > 2_000_000
    resp = client.patch("/me", content=body, headers={"Content-Type": "application/json"})
    assert resp.status_code == 422
    assert resp.headers["content-type"] == "application/problem+json"
    assert len(resp.content) < 1000
    assert resp.json()["errors"] == [
        {"field": "body", "message": "An object in the body has more than 200 keys."}
    ]
    assert resp.headers["x-request-id"]


def test_50000_keys_spread_over_small_objects_are_refused_too(client: TestClient) -> None:
    body = {"tags": [{f"k{j}": 1 for j in range(100)} for _ in range(500)]}
    resp = client.patch("/me", json=body)
    assert resp.status_code == 422
    assert resp.json()["detail"] == "The body holds more than 20000 values."


def test_deep_nesting_is_refused_without_a_crash(client: TestClient) -> None:
    for depth in (40, 100_000):
        body = "[" * depth + "]" * depth
        resp = client.patch("/me", content=body, headers={"Content-Type": "application/json"})
        assert resp.status_code == 422, depth
        assert resp.json()["detail"] == "The body is nested more than 32 levels deep."


def test_a_body_over_the_byte_limit_is_413(client: TestClient) -> None:
    body = json.dumps({"name": "x" * (5 * 1024 * 1024)})
    resp = client.patch("/me", content=body, headers={"Content-Type": "application/json"})
    assert resp.status_code == 413
    assert resp.headers["content-type"] == "application/problem+json"


def test_ordinary_bodies_reach_the_handler_unchanged(client: TestClient) -> None:
    resp = client.patch("/me", json={"name": "Zoé", "tags": ["a"] * 1000})
    assert resp.status_code == 200
    assert resp.json() == {"name": "Zoé", "tags": ["a"] * 1000}
    # not JSON: left to FastAPI, which names the syntax error
    bad = client.patch("/me", content=b'{"name": ', headers={"Content-Type": "application/json"})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["message"].startswith("The request body is not valid JSON")


def test_reported_errors_are_capped_with_their_count(client: TestClient) -> None:
    resp = client.post("/many", json={})
    assert resp.status_code == 422
    problem = resp.json()
    assert len(problem["errors"]) == MAX_REPORTED_ERRORS
    assert problem["errors_total"] == 30
    assert problem["detail"].endswith("(and 25 more)")


def test_limits_count_every_level() -> None:
    limits = BodyLimits(max_keys_per_object=3, max_values=5, max_depth=3)
    assert check_body(b'{"a": {"b": [1, 2]}}', limits) is None
    assert check_body(b'{"a": 1, "b": 2, "c": 3, "d": 4}', limits) is not None
    assert check_body(b"[[[[1]]]]", limits) is not None
    assert check_body(b"[1, 2, 3, [4, 5, 6]]", limits) is not None
    assert check_body(b"not json", limits) is None
