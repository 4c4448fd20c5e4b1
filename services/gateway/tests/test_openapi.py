"""One OpenAPI for the whole API, live from the services or from the committed files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from relais_common.testing import TEST_SECRET
from relais_editorial.config import Settings as EditorialSettings
from relais_editorial.main import create_app as create_editorial
from relais_gateway.openapi import build_from_files, main

from .conftest import closed_url


def operation_ids(document: dict[str, Any]) -> list[str]:
    return [op["operationId"] for item in document["paths"].values() for op in item.values()]


def test_live_document_merges_every_service(client: TestClient) -> None:
    document = client.get("/api/openapi.json").json()
    paths = document["paths"]
    assert {"/api/auth/token", "/api/auth/login", "/api/auth/session"} <= set(paths)
    for service in ("ambassadors", "editorial", "aggregator"):
        me = paths[f"/api/{service}/me"]["get"]
        prefix = service.capitalize()
        schema_ref = me["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        assert schema_ref == f"#/components/schemas/{prefix}_Me"
        assert f"{prefix}_Me" in document["components"]["schemas"]
        assert f"/api/{service}/internal/auth/check" not in paths
        assert f"/api/{service}/livez" not in paths and f"/api/{service}/readyz" not in paths
    assert "Me" not in document["components"]["schemas"]
    assert "Ambassadors_Credentials" not in document["components"]["schemas"]  # internal only
    ids = operation_ids(document)
    assert len(ids) == len(set(ids))
    assert "profiles-read_me" in ids and "editorial-profiles-read_me" in ids
    assert paths["/api/ambassadors/me"]["get"]["tags"] == ["profiles"]
    scheme = document["components"]["securitySchemes"]["OAuth2PasswordBearer"]
    assert scheme["flows"]["password"]["tokenUrl"] == "/api/auth/token"


def test_service_down_is_left_out(make_client: Callable[..., TestClient]) -> None:
    client = make_client(editorial_url=closed_url())
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/ambassadors/me" in paths
    assert not any(p.startswith("/api/editorial/") for p in paths)


def test_build_from_committed_files(tmp_path: Path) -> None:
    editorial = create_editorial(
        EditorialSettings(
            database_url=f"sqlite:///{tmp_path / 'e.db'}", internal_secret=TEST_SECRET
        )
    )
    service_dir = tmp_path / "services" / "editorial"
    service_dir.mkdir(parents=True)
    (service_dir / "openapi.json").write_text(json.dumps(editorial.openapi()))
    (tmp_path / "services" / "gateway").mkdir()
    document = build_from_files(tmp_path)
    assert "/api/editorial/me/export" in document["paths"]
    assert "Editorial_EditorialExport" in document["components"]["schemas"]
    assert not any(p.startswith("/api/ambassadors") for p in document["paths"])
    main(["openapi", str(tmp_path)])
    written = (tmp_path / "services" / "gateway" / "openapi.json").read_text()
    assert json.loads(written) == json.loads(json.dumps(document))
    assert written == json.dumps(json.loads(written), indent=2, sort_keys=True) + "\n"


def test_swagger_ui_is_served_locally(client: TestClient) -> None:
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "/api/docs/assets/swagger-ui-bundle.js" in page.text and "<script>" not in page.text
    assert client.get("/api/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/api/docs/assets/swagger-ui.css").status_code == 200
    init = client.get("/api/docs/init.js")
    assert "/api/docs/openapi.json" in init.text


def test_docs_get_a_3_0_rendering(client: TestClient) -> None:
    document = client.get("/api/docs/openapi.json").json()
    assert document["openapi"] == "3.0.3"
    assert "/api/editorial/me" in document["paths"]
    session = document["components"]["schemas"]["SessionInfo"]["properties"]["csrf_token"]
    assert session["nullable"] is True and session["type"] == "string"
    assert "anyOf" not in session
