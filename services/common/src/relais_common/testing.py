"""Test helpers shared by the services' suites: throwaway databases on SQLite or PostgreSQL.

``RELAIS_TEST_DB`` picks the backend (``sqlite``, the default, or ``postgresql``);
``RELAIS_TEST_PG_URL`` is the server's admin URL. A missing PostgreSQL is an error, never a skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
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
