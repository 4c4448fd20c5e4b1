"""Alembic helpers: env.py calls run_env(); tests and `make migrate` call upgrade()."""

from __future__ import annotations

from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, pool

from relais_common.db import make_engine


def alembic_config(service_root: Path, url: str) -> Config:
    cfg = Config(str(service_root / "alembic.ini"))
    cfg.set_main_option("script_location", str(service_root / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(service_root: Path, url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(service_root, url), revision)


def downgrade(service_root: Path, url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(service_root, url), revision)


def run_env(target_metadata: MetaData, default_url: str) -> None:
    """Body of a service's migrations/env.py (online mode only)."""
    url = context.config.get_main_option("sqlalchemy.url") or default_url
    engine = make_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()
