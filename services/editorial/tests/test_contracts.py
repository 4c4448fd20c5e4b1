"""Contracts as code: committed OpenAPI without drift, reversible migrations equal to the models."""

from __future__ import annotations

import json
from pathlib import Path

from relais_common.contracts import migrations_round_trip
from relais_common.testing import throwaway_database
from relais_editorial.models import Base
from relais_editorial.openapi import OPENAPI_PATH, document

SERVICE_ROOT = Path(__file__).resolve().parents[1]


def test_committed_openapi_has_not_drifted() -> None:
    assert OPENAPI_PATH.read_text(encoding="utf-8") == document(), (
        "services/editorial/openapi.json is stale: run `uv run python -m relais_editorial.openapi`"
    )


def test_openapi_uses_tagged_operation_ids() -> None:
    paths = json.loads(document())["paths"]
    assert paths["/me/export"]["get"]["operationId"] == "exports-export_mine"


def test_migrations_upgrade_downgrade_and_match_the_models(tmp_path: Path) -> None:
    with throwaway_database("editorial_migrations", tmp_path) as url:
        migrations_round_trip(SERVICE_ROOT, url, Base.metadata)
