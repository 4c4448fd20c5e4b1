"""`python -m relais_common.migrations_cli <service> [upgrade|downgrade] [revision]`."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from relais_common.migrations import downgrade, upgrade


def service_root(service: str) -> Path:
    module = importlib.import_module(f"relais_{service}")
    return Path(module.__file__ or "").resolve().parents[2]


def main(argv: list[str]) -> None:
    if not argv:
        raise SystemExit(__doc__)
    service, action = argv[0], (argv[1] if len(argv) > 1 else "upgrade")
    config = importlib.import_module(f"relais_{service}.config")
    url = config.Settings().effective_database_url
    root = service_root(service)
    if action == "upgrade":
        upgrade(root, url, argv[2] if len(argv) > 2 else "head")
    elif action == "downgrade":
        downgrade(root, url, argv[2] if len(argv) > 2 else "base")
    else:
        raise SystemExit(f"unknown action {action!r}: use upgrade or downgrade")


if __name__ == "__main__":
    main(sys.argv[1:])
