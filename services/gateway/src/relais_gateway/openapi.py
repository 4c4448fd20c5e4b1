"""``python -m relais_gateway.openapi`` writes services/gateway/openapi.json from the
committed services/<svc>/openapi.json files, so the SPA's client needs no running stack.

The merging itself is in openapi_merge (this module imports the app: the live document must not
import it back).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from relais_gateway.config import SERVICES, GatewaySettings
from relais_gateway.main import create_app
from relais_gateway.openapi_merge import Document, merge

__all__ = ["Document", "build_from_files", "committed_specs", "main", "merge", "repo_root"]


def repo_root() -> Path:
    from_package = Path(__file__).resolve().parents[4]
    if (from_package / "services").is_dir():
        return from_package
    return Path.cwd()


def committed_specs(root: Path) -> dict[str, Document]:
    specs: dict[str, Document] = {}
    for service in SERVICES:
        path = root / "services" / service / "openapi.json"
        if path.is_file():
            specs[service] = json.loads(path.read_text(encoding="utf-8"))
    return specs


def build_from_files(root: Path | None = None) -> Document:
    """The merged document from the committed files (no server needed)."""
    root = root or repo_root()
    settings = GatewaySettings(env="development", spa_dir=root / "frontend" / "dist")
    return merge(create_app(settings).openapi(), committed_specs(root))


def main(argv: list[str]) -> None:
    root = Path(argv[1]) if len(argv) > 1 else repo_root()
    document = build_from_files(root)
    target = root / "services" / "gateway" / "openapi.json"
    target.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {target} ({len(document['paths'])} paths)")


if __name__ == "__main__":
    main(sys.argv)
