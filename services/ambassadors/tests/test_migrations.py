from pathlib import Path

from relais_ambassadors.models import Base
from relais_common.db import make_engine
from relais_common.migrations import downgrade, upgrade
from relais_common.testing import throwaway_database
from sqlalchemy import inspect

SERVICE_ROOT = Path(__file__).resolve().parents[1]


def tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_upgrade_downgrade_and_back(tmp_path: Path) -> None:
    with throwaway_database("ambassadors", tmp_path) as url:
        upgrade(SERVICE_ROOT, url)
        assert tables(url) == set(Base.metadata.tables)
        downgrade(SERVICE_ROOT, url, "base")
        assert tables(url) == set()
        upgrade(SERVICE_ROOT, url)
        assert tables(url) == set(Base.metadata.tables)
