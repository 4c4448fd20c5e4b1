"""indexes for the hot paths

Each block below belongs to one change; add yours in its own block, keep the others.

Directory, fragments of two letters (SPEED-B): a two-letter fragment has no trigram, so the
pg_trgm index cannot find it and PostgreSQL scanned the company. `relais_bigrams(text)` lists
every two-character substring of a text; a GIN index on it finds the people whose search_text
contains the fragment (`relais_bigrams(search_text) @> ARRAY['yu']`, the same rows as the
LIKE). PostgreSQL only; SQLite's directory stays a scan. bench/README.md has the figures.

Revision ID: 20261201_speed
Revises: 20261201_directory_search
Create Date: 2026-12-01 12:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261201_speed"
down_revision: str | None = "20261201_directory_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# --- SPEED-B: directory bigrams ---------------------------------------------------------------
# One SQL function (no extension). COST 100000: computing it costs ~0.1 ms a row; with the default
# cost PostgreSQL walked a theme's 7,500 members and filtered them with it (340 ms) instead of
# reading the index, so it must look dearer than any plan that reads the index.
BIGRAMS_FUNCTION = """
CREATE FUNCTION relais_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100000
AS $$ SELECT ARRAY(SELECT a || b FROM unnest(c[1 : cardinality(c) - 1], c[2:]) AS x(a, b))
      FROM string_to_array(t, NULL) AS c $$
"""


def upgrade() -> None:
    # --- SPEED-B: directory bigrams ---
    if op.get_bind().dialect.name == "postgresql":
        op.execute(BIGRAMS_FUNCTION)
        op.execute(
            "CREATE INDEX ix_ambassador_search_text_bigrams ON ambassador"
            " USING gin (relais_bigrams(search_text))"
        )
    # the platform filter's owners from the index alone (it read all of social_account)
    op.create_index(
        "ix_social_account_platform_ambassador_id", "social_account", ["platform", "ambassador_id"]
    )
    # --- end SPEED-B ---


def downgrade() -> None:
    # --- SPEED-B: directory bigrams ---
    op.drop_index("ix_social_account_platform_ambassador_id", table_name="social_account")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_ambassador_search_text_bigrams")
        op.execute("DROP FUNCTION relais_bigrams(text)")
    # --- end SPEED-B ---
