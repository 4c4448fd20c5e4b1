"""`python -m relais_ambassadors.openapi`: dump the OpenAPI document without a server."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from relais_ambassadors.config import Settings
from relais_ambassadors.main import create_app

OPENAPI_PATH = Path(__file__).resolve().parents[2] / "openapi.json"


def render() -> str:
    settings = Settings(database_url="sqlite://", run_workers=False, log_json=False)
    app = create_app(settings)
    try:
        return json.dumps(app.openapi(), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    finally:
        app.state.engine.dispose()


def main(argv: list[str]) -> None:
    text = render()
    if "--stdout" in argv:
        sys.stdout.write(text)
        return
    OPENAPI_PATH.write_text(text)
    print(f"wrote {OPENAPI_PATH}")


if __name__ == "__main__":
    main(sys.argv[1:])
