"""Test helpers shared by the services' suites: throwaway databases on SQLite or PostgreSQL.

``RELAIS_TEST_DB`` picks the backend (``sqlite``, the default, or ``postgresql``);
``RELAIS_TEST_PG_URL`` is the server's admin URL. A missing PostgreSQL is an error, never a skip.
"""

from __future__ import annotations

import inspect
import json
import os
import types
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from pydantic import BaseModel
from sqlalchemy import MetaData, text
from sqlalchemy.engine import Engine

from relais_common.auth import IDENTITY_HEADER, issue_identity_token

TEST_SECRET = "test-internal-secret-0123456789abcdef"  # noqa: S105 - tests only
DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def backend() -> str:
    return os.environ.get("RELAIS_TEST_DB", "sqlite")


@contextmanager
def throwaway_database(service: str, tmp_dir: Path) -> Iterator[str]:
    """Yield the URL of an empty database that is dropped afterwards."""
    if backend() == "postgresql":
        admin_url = os.environ.get("RELAIS_TEST_PG_URL", DEFAULT_PG_URL)
        name = f"relais_test_{service}_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        base = admin_url.rsplit("/", 1)[0]
        try:
            yield f"{base}/{name}"
        finally:
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        path = tmp_dir / f"{service}-{uuid.uuid4().hex[:8]}.db"
        yield f"sqlite:///{path}"


def empty_tables(engine: Engine, metadata: MetaData, keep: tuple[str, ...] = ()) -> None:
    """Delete every row (children first) so each test starts from migrated, empty tables."""
    with engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            if table.name not in keep:
                conn.execute(table.delete())
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT 1"))


def identity_headers(
    user_id: str,
    roles: set[str] | frozenset[str],
    secret: str = TEST_SECRET,
    *,
    signed_in_ms: int | None = None,
) -> dict[str, str]:
    """`signed_in_ms`: when the person signed in (None: a session older than any revocation)."""
    token = issue_identity_token(secret, user_id, roles, signed_in_ms=signed_in_ms)
    return {IDENTITY_HEADER: token}


REPO_ROOT = Path(__file__).resolve().parents[4]

_VALIDATORS: dict[tuple[Any, ...], Any] = {}


def _validator_key(field: Any, asdict: Callable[[Any], dict[str, Any]]) -> tuple[Any, ...] | None:
    """What FastAPI builds a field's TypeAdapter from (``asdict``: its own reading of the
    field), or None when that cannot be a key (a config, a list default, say)."""
    if field.config is not None:
        return None
    made = asdict(field.field_info)
    key = (
        field.mode,
        made["annotation"],
        tuple(made["metadata"]),
        tuple(made["attributes"].items()),
    )
    try:
        hash(key)
    except TypeError:
        return None
    return key


_SIGNATURES: dict[Callable[..., Any], inspect.Signature] = {}


def share_validators_across_apps() -> None:
    """Tests only: what FastAPI works out from a route's code, worked out once per process.

    FastAPI analyses every route again for each app (in each app on its first request): the
    signature of each endpoint and dependency (``eval_str``: every annotation string evaluated)
    and, for each field, a compiled pydantic ``TypeAdapter``; the suites build one app per
    test. A plain function's signature is kept (functions only: their code never changes);
    a field with the same annotation, metadata and attributes gets the same adapter (adapters
    are immutable); anything unhashable (a list default, say) is built as before.
    """
    from fastapi._compat import v2  # FastAPI's internals: without them, nothing changes
    from fastapi.dependencies import utils

    field_class: Any = getattr(v2, "ModelField", None)
    build = getattr(field_class, "__post_init__", None)
    if build is None or not hasattr(v2, "asdict") or getattr(build, "shared", False):
        return

    def post_init(field: Any) -> None:
        key = _validator_key(field, v2.asdict)
        if key is not None and key in _VALIDATORS:
            field._type_adapter = _VALIDATORS[key]
            return
        build(field)
        if key is not None:
            _VALIDATORS[key] = field._type_adapter

    post_init.shared = True  # type: ignore[attr-defined]
    field_class.__post_init__ = post_init

    signature_of = getattr(utils, "_get_signature", None)
    if signature_of is None:
        return

    def shared_signature(call: Callable[..., Any]) -> inspect.Signature:
        if not isinstance(call, types.FunctionType):
            return signature_of(call)  # type: ignore[no-any-return]
        if call not in _SIGNATURES:
            _SIGNATURES[call] = signature_of(call)
        return _SIGNATURES[call]

    utils._get_signature = shared_signature


def committed_event_schemas(provider: str) -> dict[str, dict[str, Any]]:
    """A provider's committed event schemas (``services/<provider>/events.schema.json``)."""
    path = REPO_ROOT / "services" / provider / "events.schema.json"
    events: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["events"]
    return events


def example_events(schemas: dict[str, dict[str, Any]], event_type: str) -> list[dict[str, Any]]:
    """The schema's examples of one type, wrapped as the feed serves them (ids from 1)."""
    return [
        {
            "id": n,
            "type": event_type,
            "aggregate_id": str(example["id"]),
            "payload": example,
            "created_at": "2026-12-01T09:00:00+00:00",
        }
        for n, example in enumerate(schemas[event_type]["examples"], start=1)
    ]


def assert_valid_event(schemas: dict[str, dict[str, Any]], event: dict[str, Any]) -> None:
    """The event's payload obeys the provider's committed schema for its type."""
    import jsonschema  # a test dependency (with schemathesis), never needed at run time

    assert event["type"] in schemas, f"the provider publishes no {event['type']!r} events"
    jsonschema.validate(event["payload"], schemas[event["type"]])


def assert_reads_only_published_fields(
    schemas: dict[str, dict[str, Any]], event_type: str, model: type[BaseModel]
) -> None:
    """A consumer's model needs nothing the provider does not promise to send."""
    schema = schemas[event_type]
    published, promised = set(schema["properties"]), set(schema.get("required", []))
    for name, field in model.model_fields.items():
        assert name in published, f"{event_type} carries no {name!r} field"
        if field.is_required():
            assert name in promised, f"{event_type} does not always carry {name!r}"
