"""`python -m relais_aggregator.openapi`: write the service's OpenAPI to openapi.json."""

from __future__ import annotations

from pathlib import Path

from relais_common.contracts import openapi_document

from relais_aggregator.config import Settings
from relais_aggregator.main import create_app

OPENAPI_PATH = Path(__file__).resolve().parents[2] / "openapi.json"


def document() -> str:
    """Built without a server or a database connection (SQLite in memory is never opened)."""
    settings = Settings(database_url="sqlite://", run_workers=False)
    return openapi_document(create_app(settings))


def main() -> None:
    OPENAPI_PATH.write_text(document(), encoding="utf-8")
    print(f"wrote {OPENAPI_PATH}")


if __name__ == "__main__":
    main()
