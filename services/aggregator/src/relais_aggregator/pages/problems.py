"""OpenAPI descriptions of the problem+json answers, so the contract matches the wire."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from relais_common.errors import PROBLEM_JSON


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


_DESCRIPTIONS = {404: "Not found", 422: "Invalid input (per-field `errors`)"}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schema.pop("$defs", None)
    schema["properties"]["errors"] = {
        "anyOf": [{"type": "array", "items": FieldProblem.model_json_schema()}, {"type": "null"}]
    }
    return {
        status: {
            "description": _DESCRIPTIONS[status],
            "content": {PROBLEM_JSON: {"schema": schema}},
        }
        for status in statuses
    }
