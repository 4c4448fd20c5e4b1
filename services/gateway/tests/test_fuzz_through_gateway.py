"""Schemathesis fuzzes the merged API through the real gateway, as the admin and as an ambassador.

The stack is real (fuzz_stack: three services and the gateway under uvicorn, migrated
throwaway databases, rate limits lifted). The merged document is read from the running
gateway's /api/openapi.json and every operation is called over HTTP with a bearer token
from POST /api/auth/token, except those that end the caller's session or erase them, with
valid then invalid data (derandomized: the same cases on every run). Path parameters are
now and then ids that exist (fuzz_stack.seed), so operations get past "not found".
Checks: never a 5xx, and every answer conforms to the document (status, content type,
headers, body). Unknown query parameters are ignored by design, so schemathesis'
negative_data_rejection (which wants them refused) is not run.

A run where most operations were only refused (401/403) or rate-limited (429) proved
nothing, so that fails too: `proof_of_work` counts, per operation, the status classes seen.
"""

from __future__ import annotations

import base64
import json
import socket
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.models import Status
from schemathesis.runner import events, from_schema
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from .fuzz_stack import Stack, real_stack, seed

# FastAPI writes OpenAPI 3.1, which schemathesis 3 supports behind this switch.
schemathesis.experimental.OPEN_API_3_1.enable()

MAX_EXAMPLES = 10  # per operation, valid data then invalid: bounded
REQUEST_TIMEOUT_MS = 15_000  # one call; a safety bound, not a measure
RUN_BUDGET_SECONDS = 300.0  # one whole run: past it the run stops and fails (a hang, not speed)
# Operations that would end the caller's session or erase them: the rest of the run would
# then only be refused. (Suspensions and role changes name a colleague, never the caller.)
SESSION_ENDING = {
    "auth-logout",
    "accounts-change_password",
    "accounts-sign_out_everywhere",
    "password resets-use",
    "privacy-erase",
}
REFUSED = {401, 403, 429}

Statuses = dict[str, Counter[int]]


def proof_of_work(statuses: Statuses) -> list[str]:
    """The operations that only ever got 401, 403 or 429 (they proved nothing)."""
    return sorted(op for op, seen in statuses.items() if seen and set(seen) <= REFUSED)


def judge(statuses: Statuses) -> None:
    refused = proof_of_work(statuses)
    assert statuses, "no operation was called"
    assert len(refused) * 2 <= len(statuses), (
        f"{len(refused)} of {len(statuses)} operations were only refused or rate-limited, "
        f"the run proved nothing: {refused}"
    )


def fuzz(
    stack: Stack,
    headers: dict[str, str],
    known: dict[str, list[str]],
    max_examples: int = MAX_EXAMPLES,
) -> tuple[Statuses, list[str]]:
    """Run schemathesis over every operation; returns the statuses seen and the failures.

    `known`: ids that exist, per path parameter name, drawn instead of a generated value
    now and then (a random id only ever reaches "not found")."""
    document = schemathesis.from_uri(
        f"{stack.url}/api/openapi.json",
        base_url=stack.url,
        data_generation_methods=schemathesis.DataGenerationMethod.all(),
    )
    schema = document.exclude(operation_id=sorted(SESSION_ENDING))

    def before_generate_path_parameters(context: Any, strategy: Any) -> Any:
        def sometimes_known(params: dict[str, Any] | None) -> Any:
            if not params:
                return st.just(params)
            method = context.operation.method.upper()
            choices = {
                name: st.sampled_from([value, *known.get(f"{method} {name}", known.get(name, []))])
                for name, value in params.items()
            }
            return st.fixed_dictionaries(choices)

        return strategy.flatmap(sometimes_known)

    schema.hook(before_generate_path_parameters)
    statuses: Statuses = defaultdict(Counter)

    def count_status(ctx: Any, response: Any, case: schemathesis.Case) -> None:
        statuses[case.operation.verbose_name][response.status_code] += 1

    runner = from_schema(
        schema,
        checks=(
            count_status,
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
            response_headers_conformance,
        ),
        headers=headers,
        request_timeout=REQUEST_TIMEOUT_MS,
        hypothesis_settings=settings(
            max_examples=max_examples,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        ),
    )
    failures: list[str] = []
    started = time.monotonic()
    for event in runner.execute():
        if time.monotonic() - started > RUN_BUDGET_SECONDS:
            failures.append(f"the run was stopped after {RUN_BUDGET_SECONDS:.0f} s")
            break
        if isinstance(event, events.AfterExecution):
            failures.extend(_describe(event))
        elif isinstance(event, events.InternalError):
            failures.append(f"schemathesis: {event.message} {event.exception}")
    return statuses, failures


def _describe(event: events.AfterExecution) -> Iterator[str]:
    """One line per distinct failure: the check, the request and the answer."""
    result = event.result
    seen: set[tuple[str, str]] = set()
    for check in result.checks:
        if check.value != Status.failure or check.name == "count_status":
            continue
        key = (check.name, check.message or "")
        if key in seen:
            continue
        seen.add(key)
        detail = " | ".join((check.message or "").strip().splitlines()[:6])
        request = check.request
        headers = {k: v for k, v in request.headers.items() if k != "Authorization"}
        sent = f"{request.method} {request.uri} {headers} body={_decoded(request.body)}"
        answer = check.response
        got = f"{answer.status_code} {_decoded(answer.body)}" if answer is not None else "none"
        yield f"{result.verbose_name}: {check.name}: {detail}\n    sent: {sent}\n    got: {got}"
    for error in result.errors:
        yield f"{result.verbose_name}: error: {error.exception}"


def _decoded(body: str | None, limit: int = 400) -> str:
    """Schemathesis keeps bodies base64-encoded."""
    if body is None:
        return "-"
    text = repr(base64.b64decode(body))
    return text if len(text) <= limit else text[:limit] + "…"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with real_stack(tmp_path_factory.mktemp("fuzz")) as running:
        yield running


@pytest.fixture(scope="module")
def known(stack: Stack) -> dict[str, list[str]]:
    return seed(stack)


def _run(stack: Stack, who: tuple[str, str], known: dict[str, list[str]]) -> None:
    headers = stack.bearer(who)
    # Another run may have published a new charter: the caller accepts it, as the SPA asks.
    accepted = httpx.post(
        f"{stack.url}/api/ambassadors/me/charter-acceptance", headers=headers, timeout=30
    )
    assert accepted.status_code < 500, accepted.text
    statuses, failures = fuzz(stack, headers, known)
    for operation, seen in sorted(statuses.items()):  # shown when the test fails
        print(f"{operation}: {dict(sorted(seen.items()))}")
    assert not failures, "\n".join(failures)
    judge(statuses)


def test_admin_fuzz_through_gateway(stack: Stack, known: dict[str, list[str]]) -> None:
    _run(stack, stack.admin, known)


def test_ambassador_fuzz_through_gateway(stack: Stack, known: dict[str, list[str]]) -> None:
    _run(stack, stack.ambassador, known)


def test_an_anonymous_run_through_the_gateway_proves_nothing(
    stack: Stack, known: dict[str, list[str]]
) -> None:
    """Without a token the operations that need a sign-in answer 401: over those, the judge says
    the run proved nothing (what a run with a broken sign-in or rate limits left on would look
    like). The public ones (Planet outputs, sign-up, preview and calendar links) are left out:
    there are many of them now, and they rightly answer an anonymous caller."""
    statuses, failures = fuzz(stack, {}, known, max_examples=2)
    assert not failures, "\n".join(failures)
    protected = {op: seen for op, seen in statuses.items() if 401 in seen}
    assert len(protected) >= 10, f"too few operations asked for a sign-in: {sorted(statuses)}"
    assert len(proof_of_work(protected)) * 2 > len(protected)
    with pytest.raises(AssertionError, match="proved nothing"):
        judge(protected)


def test_a_run_refused_everywhere_proves_nothing() -> None:
    refused: Statuses = {
        "GET /a": Counter({401: 3}),
        "GET /b": Counter({403: 2, 429: 1}),
        "GET /c": Counter({200: 1, 401: 1}),
    }
    assert proof_of_work(refused) == ["GET /a", "GET /b"]
    with pytest.raises(AssertionError, match="proved nothing"):
        judge(refused)
    judge({**refused, "GET /d": Counter({422: 4})})


def test_a_request_the_parser_refuses_gets_problem_json(stack: Stack) -> None:
    """Found by the fuzz: a control character in If-Match got uvicorn's text/plain 400."""
    host, port = stack.url.removeprefix("http://").split(":")
    raw = b"PUT /api/ambassadors/me HTTP/1.1\r\nHost: relais.test\r\nIf-Match: \x96\xc3\x18\r\n\r\n"
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(raw)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 "), answer[:300]
    assert b"content-type: application/problem+json" in head.lower(), head
    problem = json.loads(body)
    assert problem["status"] == 400
    assert problem["type"] == "https://relais.dev/problems/bad-request"
