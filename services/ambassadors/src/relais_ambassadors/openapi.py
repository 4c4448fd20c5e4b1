"""`python -m relais_ambassadors.openapi [--stdout]`: write the committed OpenAPI document."""

from __future__ import annotations

import sys
from pathlib import Path

from fastapi import FastAPI
from relais_common.contracts import committed_openapi, openapi_cli

from relais_ambassadors.config import Settings
from relais_ambassadors.main import create_app

OPENAPI_PATH = Path(__file__).resolve().parents[2] / "openapi.json"


def build() -> FastAPI:
    return create_app(Settings(database_url="sqlite://", run_workers=False, log_json=False))


def document() -> str:
    return committed_openapi(build)


if __name__ == "__main__":
    openapi_cli(document, OPENAPI_PATH, sys.argv[1:])
