"""Problem details (RFC 9457): one error hierarchy, one handler that renders it."""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from python_multipart.exceptions import FormParserError
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"
# A problem lists at most this many field errors (and says how many there were): a body of
# 50,000 unknown keys once answered with a 4.5 MB error.
MAX_REPORTED_ERRORS = 20
log = logging.getLogger("relais.errors")

_TITLES = {
    400: "Bad request",
    401: "Authentication required",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    410: "Gone",
    412: "Precondition failed",
    413: "Payload too large",
    415: "Unsupported media type",
    422: "Invalid input",
    428: "Precondition required",
    429: "Too many requests",
    500: "Internal error",
    502: "Bad gateway",
    503: "Service unavailable",
    504: "Gateway timeout",
}


class ProblemError(Exception):
    """Raise from services; rendered as problem+json by :func:`install_error_handlers`."""

    status: int = 400
    code: str = "bad-request"

    def __init__(
        self,
        detail: str,
        *,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
        code: str | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}
        if code:
            self.code = code
        self.extra = extra


class BadRequest(ProblemError):
    status, code = 400, "bad-request"


class Unauthorized(ProblemError):
    status, code = 401, "unauthorized"


class Forbidden(ProblemError):
    status, code = 403, "forbidden"


class NotFound(ProblemError):
    status, code = 404, "not-found"


class Conflict(ProblemError):
    status, code = 409, "conflict"


class Gone(ProblemError):
    status, code = 410, "gone"


class PreconditionFailed(ProblemError):
    status, code = 412, "precondition-failed"


class InvalidInput(ProblemError):
    status, code = 422, "invalid-input"


class PreconditionRequired(ProblemError):
    status, code = 428, "precondition-required"


class TooManyRequests(ProblemError):
    status, code = 429, "too-many-requests"


class ServiceUnavailable(ProblemError):
    status, code = 503, "service-unavailable"


def field_error(field: str, message: str) -> InvalidInput:
    """A 422 about one field, with the message a person can act on."""
    return InvalidInput(message, errors=[{"field": field, "message": message}])


def problem_body(
    status: int,
    detail: str,
    *,
    code: str | None = None,
    instance: str | None = None,
    errors: list[dict[str, str]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": f"https://relais.dev/problems/{code or _default_code(status)}",
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors:
        body["errors"] = errors[:MAX_REPORTED_ERRORS]
        if len(errors) > MAX_REPORTED_ERRORS:
            body["errors_total"] = len(errors)
    body.update(extra)
    return body


def _default_code(status: int) -> str:
    return _TITLES.get(status, "error").lower().replace(" ", "-")


class ProblemJSONResponse(JSONResponse):
    """problem+json in plain ASCII (non-ASCII as \\u escapes).

    application/problem+json carries no charset parameter, and some clients guess one (for
    instance Shift_JIS, where a UTF-8 byte can swallow the backslash of an escape): ASCII
    bytes read the same under every guess, so an echoed user value never breaks the JSON.
    """

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def problem_response(
    status: int, detail: str, *, headers: dict[str, str] | None = None, **kw: Any
) -> JSONResponse:
    return ProblemJSONResponse(
        problem_body(status, detail, **kw),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body",)]
    return ".".join(parts) or "body"


def _humanize(err: dict[str, Any]) -> str:
    msg = str(err.get("msg", "invalid value"))
    if err.get("type") == "json_invalid":
        where = err.get("loc", ())[-1]
        reason = (err.get("ctx") or {}).get("error", "")
        return f"The request body is not valid JSON ({reason} near character {where})."
    if err.get("type") == "extra_forbidden":
        return "This field is unknown or cannot be changed here; remove it."
    if err.get("type") == "missing":
        return "This field is required."
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    return msg[0].upper() + msg[1:] if msg else msg


def validation_errors(exc: RequestValidationError) -> list[dict[str, str]]:
    return [
        {
            # a JSON syntax error is located by character offset: it is about the whole body
            "field": "body" if e.get("type") == "json_invalid" else _field_name(e.get("loc", ())),
            "message": _humanize(e),
        }
        for e in exc.errors()
    ]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(
            exc.status,
            exc.detail,
            code=exc.code,
            instance=request.url.path,
            errors=exc.errors,
            headers=exc.headers,
            **exc.extra,
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = validation_errors(exc)
        detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:5])
        if len(errors) > 5:
            detail += f" (and {len(errors) - 5} more)"
        return problem_response(
            422, detail, code="invalid-input", instance=request.url.path, errors=errors
        )

    @app.exception_handler(FormParserError)
    async def _malformed_form(request: Request, exc: FormParserError) -> JSONResponse:
        # python-multipart's own errors (a part without headers, a bad boundary) escape
        # Starlette's form parsing: a malformed upload is the client's mistake, not a 500
        return problem_response(
            400,
            "The multipart body is malformed: each part needs its headers (Content-Disposition"
            ' with a name, e.g. form-data; name="file"; filename="people.csv"), a blank line,'
            " then its content, between boundary lines.",
            code="malformed-multipart",
            instance=request.url.path,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else _TITLES.get(exc.status_code, "")
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"There is nothing at {request.url.path}."
        return problem_response(
            exc.status_code,
            detail,
            instance=request.url.path,
            headers=dict(exc.headers or {}),
        )

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return problem_response(
            500,
            "Something went wrong on our side; the error was logged.",
            instance=request.url.path,
        )
