"""A 3.0 rendering of the merged 3.1 document, for the vendored Swagger UI 4 (no 3.1 support).

The 3.1 document at /api/openapi.json stays the contract; this copy only feeds /api/docs.
"""

from __future__ import annotations

from typing import Any

NULL = {"type": "null"}


def _nullable(node: dict[str, Any]) -> dict[str, Any]:
    """anyOf [X, null] -> X with nullable: true ($ref wrapped in allOf, as 3.0 requires)."""
    options = [o for o in node["anyOf"] if o != NULL]
    rest = {k: v for k, v in node.items() if k != "anyOf"}
    if len(options) == 1:
        only = options[0]
        merged = {"allOf": [only]} if "$ref" in only else dict(only)
        return {**rest, **merged, "nullable": True}
    return {**rest, "anyOf": options, "nullable": True}


def _schema_fixes(node: dict[str, Any]) -> dict[str, Any]:
    if isinstance(node.get("anyOf"), list) and NULL in node["anyOf"]:
        node = _nullable(node)
    kind = node.get("type")
    if isinstance(kind, list):
        others = [t for t in kind if t != "null"]
        node = {**node, "type": others[0] if others else "string"}
        if "null" in kind:
            node["nullable"] = True
    if isinstance(node.get("examples"), list):
        examples = node.pop("examples")
        if examples:
            node["example"] = examples[0]
    if "const" in node:
        node["enum"] = [node.pop("const")]
    if node.get("type") == "string" and node.pop("contentMediaType", None):
        node["format"] = "binary"
    return node


def _convert(node: Any) -> Any:
    if isinstance(node, list):
        return [_convert(item) for item in node]
    if not isinstance(node, dict):
        return node
    return _schema_fixes({key: _convert(value) for key, value in node.items()})


def to_openapi30(document: dict[str, Any]) -> dict[str, Any]:
    converted: dict[str, Any] = _convert(document)
    converted["openapi"] = "3.0.3"
    return converted
