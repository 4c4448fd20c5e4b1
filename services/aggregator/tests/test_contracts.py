"""Contracts as code: committed OpenAPI without drift, reversible migrations equal to the models."""

from __future__ import annotations

from pathlib import Path

from relais_aggregator.models import Base
from relais_aggregator.openapi import OPENAPI_PATH, document
from relais_common.contracts import migrations_round_trip
from relais_common.testing import throwaway_database

SERVICE_ROOT = Path(__file__).resolve().parents[1]


def test_committed_openapi_has_not_drifted() -> None:
    assert OPENAPI_PATH.read_text(encoding="utf-8") == document(), (
        "services/aggregator/openapi.json is stale: "
        "run `uv run python -m relais_aggregator.openapi`"
    )


def test_openapi_documents_the_public_outputs() -> None:
    import json

    paths = json.loads(document())["paths"]
    assert {"/", "/themes/{slug}", "/public", "/public/themes/{slug}"} <= set(paths)
    assert "text/html" in paths["/"]["get"]["responses"]["200"]["content"]
    assert (
        "application/problem+json"
        in paths["/public/themes/{slug}"]["get"]["responses"]["404"]["content"]
    )


def test_migrations_upgrade_downgrade_and_match_the_models(tmp_path: Path) -> None:
    with throwaway_database("aggregator_migrations", tmp_path) as url:
        migrations_round_trip(SERVICE_ROOT, url, Base.metadata)
