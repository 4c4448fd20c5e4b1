"""Calendar content for the extras' tests (contributions, briefs, feeds, previews, transfer),
written through the service's own import endpoint."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

A = "/networks/cloud-security"
B = "/networks/recruiting"


def variant(
    platform: str = "linkedin", language: str = "fr", text: str = "Bonjour"
) -> dict[str, Any]:
    return {"platform": platform, "language": language, "text": text}


def grid(title: str = "Launch grid", *variants: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"title": title, "variants": list(variants), **fields}


def entry(
    title: str = "Product launch",
    day: str = "2026-12-10",
    *grids: dict[str, Any],
    **fields: Any,
) -> dict[str, Any]:
    return {
        "kind": "launch",
        "title": title,
        "starts_at": f"{day}T09:00:00Z",
        "ends_at": f"{day}T10:00:00Z",
        "grids": list(grids),
        **fields,
    }


def document(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"format": "relais-calendar", "version": 1, "entries": list(entries)}


def import_json(
    client: TestClient, network: str, headers: dict[str, str], doc: dict[str, Any]
) -> Any:
    resp = client.post(
        f"{network}/calendar/import",
        content=json.dumps(doc),
        headers={**headers, "Content-Type": "application/json"},
    )
    assert resp.status_code == 201, resp.text
    return resp.json()


def export_json(client: TestClient, network: str, headers: dict[str, str]) -> dict[str, Any]:
    resp = client.get(f"{network}/calendar/export?format=json", headers=headers)
    assert resp.status_code == 200, resp.text
    exported: dict[str, Any] = resp.json()
    return exported


def seed(client: TestClient, headers: dict[str, str], *entries: dict[str, Any]) -> list[str]:
    """Import the entries into network A; their new ids, in order of start."""
    import_json(client, A, headers, document(*entries))
    return [e["id"] for e in export_json(client, A, headers)["entries"]]
