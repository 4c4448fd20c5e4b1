import json
from pathlib import Path

from relais_common.db import make_engine
from relais_common.migrations import downgrade, upgrade
from relais_common.testing import throwaway_database
from sqlalchemy import inspect, text

SERVICE_ROOT = Path(__file__).resolve().parents[1]
BEFORE = "20261201_readable_slugs"


def test_existing_rows_get_a_field_version_baseline(tmp_path: Path) -> None:
    with throwaway_database("ambassadors", tmp_path) as url:
        upgrade(SERVICE_ROOT, url, BEFORE)
        engine = make_engine(url)
        try:
            with engine.begin() as conn:
                conn.execute(
                    text(
                        "INSERT INTO ambassador (id, email, password_hash, is_admin, display_name,"
                        " job_title, location, languages, bio, search_text, locale,"
                        " listing_public, moderation, version, created_at) VALUES"
                        " ('00000000-0000-0000-0000-000000000001', 'e@example.com', 'x', false,"
                        " 'Ada', '', '', ',', '', 'ada', 'fr', false, 'none', 7,"
                        " CURRENT_TIMESTAMP)"
                    )
                )
            upgrade(SERVICE_ROOT, url, "20261201_moderation_changes")
            with engine.connect() as conn:
                row = conn.execute(
                    text("SELECT profile_field_versions, change_status FROM ambassador")
                ).one()
            versions = row[0] if isinstance(row[0], dict) else json.loads(row[0])
            assert (versions, row[1]) == ({"*": 7}, "none")
            downgrade(SERVICE_ROOT, url, BEFORE)
            columns = {c["name"] for c in inspect(engine).get_columns("ambassador")}
            assert "public_snapshot" not in columns
            assert "moderation_policy" not in inspect(engine).get_table_names()
        finally:
            engine.dispose()
