import json
from pathlib import Path

from relais_common.db import make_engine
from relais_common.migrations import downgrade, upgrade
from relais_common.testing import throwaway_database
from sqlalchemy import inspect, text

SERVICE_ROOT = Path(__file__).resolve().parents[2]
BEFORE = "20261201_readable_slugs"
LISTED_ID = "00000000-0000-0000-0000-000000000002"
THEME, OLD = "00000000-0000-0000-0000-0000000000a1", "00000000-0000-0000-0000-0000000000a2"
PUBLIC_ACCOUNT = "00000000-0000-0000-0000-0000000000b1"
LISTED = text(
    "INSERT INTO ambassador (id, email, password_hash, is_admin, display_name, job_title,"
    " location, languages, bio, search_text, locale, listing_public, moderation, listed_at,"
    f" version, created_at) VALUES ('{LISTED_ID}', 'b@example.com', 'x', false, 'Bea', 'CTO',"
    " 'Lyon', ',fr,en,', 'Hi', 'bea', 'fr', true, 'approved', CURRENT_TIMESTAMP, 3,"
    " CURRENT_TIMESTAMP)"
)
THEMES = text(
    "INSERT INTO theme (id, slug, name, description, archived_at, version, created_at) VALUES"
    f" ('{THEME}', 'cloud', 'Cloud', '', NULL, 1, CURRENT_TIMESTAMP),"
    f" ('{OLD}', 'old', 'Old', '', CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP)"
)
ACCOUNTS = text(
    "INSERT INTO social_account (id, ambassador_id, platform, handle, profile_url, feed_url,"
    f" public, created_at) VALUES ('{PUBLIC_ACCOUNT}', '{LISTED_ID}', 'github', 'bea',"
    " 'https://github.com/bea', NULL, true, CURRENT_TIMESTAMP),"
    f" ('00000000-0000-0000-0000-0000000000b2', '{LISTED_ID}', 'github', 'bea-private',"
    " 'https://github.com/bea-private', NULL, false, CURRENT_TIMESTAMP)"
)


def test_existing_rows_get_a_field_version_baseline_and_an_approved_snapshot(
    tmp_path: Path,
) -> None:
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
                conn.execute(LISTED)
                conn.execute(THEMES)
                conn.execute(
                    text(f"INSERT INTO ambassador_theme VALUES ('{LISTED_ID}', '{THEME}')")
                )
                conn.execute(text(f"INSERT INTO ambassador_theme VALUES ('{LISTED_ID}', '{OLD}')"))
                conn.execute(ACCOUNTS)
            upgrade(SERVICE_ROOT, url, "20261201_moderation_changes")
            with engine.connect() as conn:
                row = conn.execute(
                    text(
                        "SELECT profile_field_versions, change_status FROM ambassador"
                        " WHERE email = 'e@example.com'"
                    )
                ).one()
                snapshot = conn.execute(
                    text("SELECT public_snapshot FROM ambassador WHERE id = :id"), {"id": LISTED_ID}
                ).scalar_one()
            versions = row[0] if isinstance(row[0], dict) else json.loads(row[0])
            assert (versions, row[1]) == ({"*": 7}, "none")
            snapshot = snapshot if isinstance(snapshot, dict) else json.loads(snapshot)
            assert snapshot == {
                "display_name": "Bea", "job_title": "CTO", "location": "Lyon", "bio": "Hi",
                "languages": ["fr", "en"], "theme_ids": [THEME],
                "accounts": [
                    {"id": PUBLIC_ACCOUNT, "platform": "github", "handle": "bea",
                     "profile_url": "https://github.com/bea", "feed_url": None},
                ],
            }  # fmt: skip
            downgrade(SERVICE_ROOT, url, BEFORE)
            columns = {c["name"] for c in inspect(engine).get_columns("ambassador")}
            assert "public_snapshot" not in columns
            assert "moderation_policy" not in inspect(engine).get_table_names()
        finally:
            engine.dispose()
