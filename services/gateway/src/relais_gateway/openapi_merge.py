"""One OpenAPI for the whole API: the gateway's endpoints plus every service's, prefixed.

Pure functions on documents, shared by the live /api/openapi.json and the committed file
(``python -m relais_gateway.openapi``).
"""

from __future__ import annotations

import copy
from typing import Any

from relais_gateway.config import SERVICES

Document = dict[str, Any]
HEALTH_PATHS = frozenset({"/livez", "/readyz"})
REF_PREFIX = "#/components/schemas/"
HTTP_METHODS = frozenset({"get", "put", "post", "delete", "patch", "options", "head", "trace"})


def schema_prefix(service: str) -> str:
    return service.capitalize() + "_"


def _rename_refs(node: Any, prefix: str) -> Any:
    if isinstance(node, dict):
        renamed = {key: _rename_refs(value, prefix) for key, value in node.items()}
        ref = renamed.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF_PREFIX):
            renamed["$ref"] = REF_PREFIX + prefix + ref[len(REF_PREFIX) :]
        return renamed
    if isinstance(node, list):
        return [_rename_refs(item, prefix) for item in node]
    return node


def _public_paths(paths: dict[str, Any]) -> dict[str, Any]:
    return {
        path: item
        for path, item in paths.items()
        if path not in HEALTH_PATHS and path != "/internal" and not path.startswith("/internal/")
    }


def _merge_service(merged: Document, service: str, spec: Document, used_ids: set[str]) -> None:
    prefix = schema_prefix(service)
    paths = _rename_refs(_public_paths(spec.get("paths", {})), prefix)
    for path, item in paths.items():
        for method, operation in item.items():
            if method not in HTTP_METHODS or not isinstance(operation, dict):
                continue
            op_id = operation.get("operationId")
            if op_id in used_ids:
                op_id = f"{service}-{op_id}"
                operation["operationId"] = op_id
            if op_id:
                used_ids.add(op_id)
        merged["paths"][f"/api/{service}{path}"] = item
    schemas = spec.get("components", {}).get("schemas", {})
    for name, schema in schemas.items():
        merged["components"]["schemas"][prefix + name] = _rename_refs(schema, prefix)
    known = {tag["name"] for tag in merged["tags"]}
    merged["tags"].extend(t for t in spec.get("tags", []) if t.get("name") not in known)


def _refs(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF_PREFIX):
            found.add(ref[len(REF_PREFIX) :])
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for item in node:
            _refs(item, found)


def _drop_unused_schemas(document: Document) -> None:
    """Schemas only the dropped /internal paths used (e.g. the auth check) stay private."""
    schemas: dict[str, Any] = document["components"]["schemas"]
    reachable: set[str] = set()
    _refs(document["paths"], reachable)
    pending = list(reachable)
    while pending:
        found: set[str] = set()
        _refs(schemas.get(pending.pop(), {}), found)
        pending.extend(found - reachable)
        reachable |= found
    document["components"]["schemas"] = {k: v for k, v in schemas.items() if k in reachable}


def merge(gateway: Document, services: dict[str, Document]) -> Document:
    """The gateway's own document with the services' public paths under /api/<service>."""
    merged = copy.deepcopy(gateway)
    merged["info"] = {
        "title": "Relais API",
        "version": gateway.get("info", {}).get("version", "0.1.0"),
        "description": "Every Relais service behind the gateway. Sign in with Authorize "
        "(e-mail and password) to call the endpoints that need a person.",
    }
    merged.setdefault("paths", {})
    merged.setdefault("components", {}).setdefault("schemas", {})
    merged["tags"] = list(merged.get("tags", []))
    used_ids = {
        op["operationId"]
        for item in merged["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    for service in SERVICES:
        if service in services:
            _merge_service(merged, service, copy.deepcopy(services[service]), used_ids)
    _drop_unused_schemas(merged)
    merged["security"] = [{"OAuth2PasswordBearer": []}, {}]
    return merged
