"""The gateway against its providers: the committed ambassadors schema, the real editorial app."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from relais_common.testing import TEST_SECRET
from relais_editorial.config import Settings as EditorialSettings
from relais_editorial.main import create_app as create_editorial

from .helpers import bearer, login
from .upstream import migrated_sqlite, serve

REPO = Path(__file__).resolve().parents[3]


def test_auth_check_matches_the_committed_ambassadors_schema() -> None:
    spec = json.loads((REPO / "services" / "ambassadors" / "openapi.json").read_text())
    operation = spec["paths"]["/internal/auth/check"]["post"]
    schemas = spec["components"]["schemas"]
    request_ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    request = schemas[request_ref.rsplit("/", 1)[1]]
    assert set(request["properties"]) == {"email", "password", "client_ip"}
    assert request["properties"]["password"]["maxLength"] >= 200  # what the gateway accepts
    assert request["properties"]["email"]["maxLength"] >= 254
    answer_ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    answer = schemas[answer_ref.rsplit("/", 1)[1]]
    assert set(answer["required"]) == {"user_id", "roles"}


def test_real_editorial_service_accepts_the_gateway_identity(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    editorial = create_editorial(
        EditorialSettings(
            database_url=migrated_sqlite("editorial", tmp_path),
            internal_secret=TEST_SECRET,
            env="test",
            run_workers=False,
        )
    )
    with serve(editorial) as editorial_url:
        client = make_client(editorial_url=editorial_url)
        assert client.get("/api/editorial/me/export").status_code == 401
        forged = {"X-Relais-Identity": "forged"}
        assert client.get("/api/editorial/me/export", headers=forged).status_code == 401
        via_token = client.get("/api/editorial/me/export", headers=bearer(client))
        assert via_token.status_code == 200
        exported = via_token.json()
        assert (exported["service"], exported["user_id"]) == ("editorial", "u-ada")
        assert exported["data"]["calendar_entries"] == []  # the person's own data, none yet
        login(client, "bob@example.com")
        via_cookie = client.get("/api/editorial/me/export")
        assert via_cookie.json()["user_id"] == "u-bob"


def test_identity_status_matches_the_committed_ambassadors_schema() -> None:
    spec = json.loads((REPO / "services" / "ambassadors" / "openapi.json").read_text())
    operation = spec["paths"]["/internal/identities/{user_id}"]["get"]
    answer_ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    answer = spec["components"]["schemas"][answer_ref.rsplit("/", 1)[1]]
    # what relais_gateway.standing reads; 404 (erased) is the service's problem answer
    assert {"active", "roles", "sessions_revoked_at_ms"} <= set(answer["required"])
    assert "404" in operation["responses"]


def test_a_real_trailing_slash_redirect_stays_public(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    editorial = create_editorial(
        EditorialSettings(
            database_url=migrated_sqlite("editorial", tmp_path),
            internal_secret=TEST_SECRET,
            env="test",
            run_workers=False,
        )
    )
    with serve(editorial) as editorial_url:
        client = make_client(editorial_url=editorial_url)
        resp = client.get("/api/editorial/me/export/", follow_redirects=False)
        assert resp.status_code == 307
        assert resp.headers["location"] == "/api/editorial/me/export"
