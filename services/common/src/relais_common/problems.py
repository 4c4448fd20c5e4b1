"""problem+json in the OpenAPI contract, and the NUL-byte refusal every service needs."""

from __future__ import annotations

from typing import Any

from fastapi import Request
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


async def reject_nul_bytes(request: Request) -> None:
    """NUL characters are never meaningful text, and PostgreSQL refuses them: say so."""
    body = await request.body()
    values = [*request.path_params.values(), *request.query_params.values()]
    if any("\x00" in str(v) for v in values) or b"\x00" in body or b"\\u0000" in body:
        raise field_error("body", "Remove the NUL (\\0) characters from your input.")
