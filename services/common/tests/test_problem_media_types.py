"""Errors are documented as application/problem+json, the type they are sent with."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import Response
from relais_common.errors import PROBLEM_JSON
from relais_common.problems import document_media_types_as_sent, problem_responses


def _app() -> FastAPI:
    app = FastAPI()
    document_media_types_as_sent(app)

    @app.get("/things/{thing_id}", responses=problem_responses(404, 422))
    def thing(thing_id: str) -> dict[str, str]:
        return {"id": thing_id}

    @app.get(
        "/feed.atom",
        response_class=Response,
        responses={200: {"content": {"application/atom+xml": {}}, "description": "Atom"}},
    )
    def feed() -> Response:
        return Response(b"<feed/>", media_type="application/atom+xml")

    return app


def test_an_error_schema_is_filed_under_problem_json() -> None:
    responses = _app().openapi()["paths"]["/things/{thing_id}"]["get"]["responses"]
    for status in ("404", "422"):
        content = responses[status]["content"]
        assert list(content) == [PROBLEM_JSON]
        assert content[PROBLEM_JSON]["schema"] == {"$ref": "#/components/schemas/Problem"}
    assert "application/json" in responses["200"]["content"]  # a success stays JSON


def test_no_empty_json_beside_a_declared_type() -> None:
    content = _app().openapi()["paths"]["/feed.atom"]["get"]["responses"]["200"]["content"]
    assert list(content) == ["application/atom+xml"]


def test_every_service_document_files_errors_under_problem_json() -> None:
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for service in ("ambassadors", "editorial", "aggregator", "gateway"):
        document = json.loads((root / service / "openapi.json").read_text())
        for path, operations in document["paths"].items():
            for method, operation in operations.items():
                for status, response in operation.get("responses", {}).items():
                    if status[:1] in "45" and "content" in response:
                        where = f"{service} {method} {path} {status}"
                        assert "application/json" not in response["content"], where
