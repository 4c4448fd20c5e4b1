"""Helpers for the contract tests every service has: OpenAPI dump, migrations round trip,
the list of routes an authorization table must cover, the environment variables of a settings
class. Domain-free."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi import FastAPI, routing
from pydantic import AliasChoices
from pydantic_settings import BaseSettings
from sqlalchemy import MetaData, inspect

from relais_common.db import make_engine
from relais_common.migrations import downgrade, upgrade


def openapi_document(app: FastAPI) -> str:
    """The OpenAPI document as committed: sorted keys and enums, indent 2, trailing newline."""
    document = _sorted_enums(app.openapi())
    return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def _sorted_enums(node: Any) -> Any:
    # typing caches Literal["en", "fr"] and Literal["fr", "en"] as one object, so the order of
    # an enum depends on which module was imported first: sort them for a stable document.
    if isinstance(node, dict):
        return {
            key: sorted(value)
            if key == "enum" and all(isinstance(v, str) for v in value)
            else _sorted_enums(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_sorted_enums(item) for item in node]
    return node


def committed_openapi(build: Callable[[], FastAPI]) -> str:
    """Build the app without a server (its SQLite-in-memory engine is never opened) and dump it."""
    app = build()
    try:
        return openapi_document(app)
    finally:
        app.state.engine.dispose()


def openapi_cli(document: Callable[[], str], path: Path, argv: list[str]) -> None:
    """`python -m relais_<service>.openapi [--stdout]`: write the committed OpenAPI document."""
    text = document()
    if "--stdout" in argv:
        print(text, end="")
        return
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")


def app_routes(app: FastAPI) -> set[tuple[str, str]]:
    """Every (METHOD, path) the app answers, hidden and docs routes included.

    FastAPI keeps included routers as lazy wrappers; iter_route_contexts flattens them.
    """
    routes: set[tuple[str, str]] = set()
    for context in routing.iter_route_contexts(app.routes):
        path = context.path or ""
        routes.update((method, path) for method in context.methods or set())
    return routes


def schema_differences(url: str, metadata: MetaData) -> list[Any]:
    """What autogenerate would still change after the migrations ran (empty when in sync)."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            dialect = conn.dialect.name

            def for_this_database(obj: Any, *_args: Any) -> bool:
                # an index declared `.ddl_if(dialect="postgresql")` exists there only
                only = getattr(getattr(obj, "_ddl_if", None), "dialect", None)
                return only is None or only == dialect

            opts = {"compare_type": True, "include_object": for_this_database}
            context = MigrationContext.configure(conn, opts=opts)
            return list(compare_metadata(context, metadata))
    finally:
        engine.dispose()


def table_names(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def migrations_round_trip(service_root: Path, url: str, metadata: MetaData) -> None:
    """Upgrade, check the schema equals the models, downgrade to nothing, upgrade again."""
    upgrade(service_root, url)
    differences = schema_differences(url, metadata)
    assert differences == [], f"models and migrations disagree: {differences}"
    downgrade(service_root, url)
    left = table_names(url) - {"alembic_version"}
    assert left == set(), f"downgrade left tables behind: {left}"
    upgrade(service_root, url)
    assert set(metadata.tables) <= table_names(url)


def environment_names(settings: type[BaseSettings]) -> dict[str, list[str]]:
    """Field name -> the environment variables that set it (its aliases, else prefix + NAME)."""
    prefix = str(settings.model_config.get("env_prefix", ""))
    names: dict[str, list[str]] = {}
    for field, info in settings.model_fields.items():
        alias = info.validation_alias
        if isinstance(alias, AliasChoices):
            names[field] = [c for c in alias.choices if isinstance(c, str)]
        elif isinstance(alias, str):
            names[field] = [alias]
        else:
            names[field] = [(prefix + field).upper()]
    return names
