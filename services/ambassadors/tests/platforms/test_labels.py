"""One platform registry: the API, the public page and the SPA spell every platform alike."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from relais_ambassadors.platforms import PLATFORMS
from relais_common.platforms import PLATFORM_LABELS, all_labels

SPA_COPY = Path(__file__).resolve().parents[4] / "frontend" / "src" / "ui" / "platforms.ts"


def spa_labels() -> dict[str, str]:
    """The LABELS object of the SPA's platforms.ts (used before GET /platforms answers)."""
    block = re.search(r"const LABELS[^{]*\{(.*?)\};", SPA_COPY.read_text(encoding="utf-8"), re.S)
    assert block, "frontend/src/ui/platforms.ts has no LABELS object any more"
    return dict(re.findall(r"^\s*(\w+): '([^']*)',", block.group(1), re.M))


def test_declarable_platforms_are_the_registry_with_its_labels() -> None:
    assert {p.id: p.label for p in PLATFORMS.values()} == PLATFORM_LABELS


def test_the_api_serves_the_registry_labels(client: TestClient) -> None:
    served = {p["id"]: p["label"] for p in client.get("/platforms").json()}
    assert served == PLATFORM_LABELS


def test_the_spa_copy_equals_the_registry() -> None:
    assert spa_labels() == all_labels(), "update frontend/src/ui/platforms.ts's LABELS"
