from pathlib import Path

from relais_ambassadors.models import Base
from relais_common.contracts import migrations_round_trip
from relais_common.db import make_engine
from relais_common.migrations import downgrade, upgrade
from relais_common.testing import throwaway_database
from sqlalchemy import inspect, text

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


def test_search_text_is_backfilled_and_reversible(tmp_path: Path) -> None:
    with throwaway_database("ambassadors", tmp_path) as url:
        upgrade(SERVICE_ROOT, url, "20261123_suspensions")
        engine = make_engine(url)
        try:
            with engine.begin() as conn:
                conn.execute(
                    text(
                        "INSERT INTO ambassador (id, email, password_hash, is_admin, display_name,"
                        " job_title, location, languages, bio, locale, listing_public, moderation,"
                        " version, created_at) VALUES ('00000000-0000-0000-0000-000000000001',"
                        " 'e@example.com', 'x', false, 'Élodie LÉA', 'Chargée', 'Saint-Étienne',"
                        " ',', '', 'fr', false, 'none', 1, CURRENT_TIMESTAMP)"
                    )
                )
            upgrade(SERVICE_ROOT, url)
            with engine.connect() as conn:
                value = conn.execute(text("SELECT search_text FROM ambassador")).scalar_one()
            assert value == "elodie lea\nchargee\nsaint-etienne\n"
            downgrade(SERVICE_ROOT, url, "20261123_suspensions")
            columns = {c["name"] for c in inspect(engine).get_columns("ambassador")}
            assert "search_text" not in columns
        finally:
            engine.dispose()


def outbox_indexes(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return {str(i["name"]) for i in inspect(engine).get_indexes("outbox_event")}
    finally:
        engine.dispose()


def test_outbox_is_indexed_by_aggregate_and_reversible(tmp_path: Path) -> None:
    """A person's export and erasure find their events without scanning the outbox."""
    with throwaway_database("ambassadors", tmp_path) as url:
        upgrade(SERVICE_ROOT, url)
        assert "ix_outbox_event_aggregate_id" in outbox_indexes(url)
        downgrade(SERVICE_ROOT, url, "20261201_post_consent")
        assert "ix_outbox_event_aggregate_id" not in outbox_indexes(url)


def test_migrations_match_the_models(tmp_path: Path) -> None:
    """What autogenerate would still change after every migration ran: nothing (editorial's
    and aggregator's suites check the same), then down to nothing and up again."""
    with throwaway_database("ambassadors_migrations", tmp_path) as url:
        migrations_round_trip(SERVICE_ROOT, url, Base.metadata)
