"""problem+json in the OpenAPI contract, and the NUL-byte refusal every service needs."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from pydantic import BaseModel, Field

from relais_common.errors import PROBLEM_JSON, field_error


class FieldProblem(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[FieldProblem] | None = None
    errors_total: int | None = Field(
        None, description="How many field errors there were, when more than `errors` lists"
    )


WHY = {
    400: "Bad request",
    401: "Not signed in, or not a Relais service",
    403: "Signed in but not allowed",
    404: "Not found",
    409: "Conflicts with the current state",
    410: "No longer available",
    412: "The If-Match ETag is stale",
    413: "Payload too large",
    422: "Invalid input, with per-field errors",
    428: "If-Match header required",
    429: "Too many attempts; see Retry-After",
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for these statuses (all of WHY when none is given)."""
    return {
        status: {"description": WHY[status], "model": Problem, "content": {PROBLEM_JSON: {}}}
        for status in (statuses or tuple(WHY))
    }


JSON = "application/json"


def media_types_as_sent(document: dict[str, Any]) -> dict[str, Any]:
    """Each response documented under the media type the service really sends.

    FastAPI files a response model under the route's default type (application/json), and
    documents its own 422 (HTTPValidationError) where no problem response was declared; every
    error leaves as application/problem+json with the Problem shape (errors.py), so that is
    what the document says, where a client generator looks for it. The empty application/json
    FastAPI adds beside a declared type (Atom, iCalendar, CSV) is dropped. Changes the document
    in place and returns it.
    """
    schemas = document.get("components", {}).get("schemas", {})
    problem = {"$ref": "#/components/schemas/Problem"} if "Problem" in schemas else None
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict):
                continue
            for status, response in operation.get("responses", {}).items():
                content = response.get("content")
                if not isinstance(content, dict) or JSON not in content:
                    continue
                if str(status)[:1] in "45":
                    sent = content.pop(JSON)
                    content[PROBLEM_JSON] = {"schema": problem} if problem else sent
                elif len(content) > 1 and content[JSON].get("schema") in (None, {}):
                    del content[JSON]
    if problem:
        text = json.dumps(document.get("paths", {}))
        for name in ("HTTPValidationError", "ValidationError"):
            if f'"#/components/schemas/{name}"' not in text:
                schemas.pop(name, None)
    return document


def document_media_types_as_sent(app: FastAPI) -> None:
    """Make ``app.openapi()`` (the live document and the committed one) media_types_as_sent."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = media_types_as_sent(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


async def reject_nul_bytes(request: Request) -> None:
    """NUL characters are never meaningful text, and PostgreSQL refuses them: say so."""
    body = await request.body()
    values = [*request.path_params.values(), *request.query_params.values()]
    if any("\x00" in str(v) for v in values) or b"\x00" in body or b"\\u0000" in body:
        raise field_error("body", "Remove the NUL (\\0) characters from your input.")
