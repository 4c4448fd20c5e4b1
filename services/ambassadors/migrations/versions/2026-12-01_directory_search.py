"""directory search at company scale

Two indexes for the directory's one query shape (active people, optional filters, ordered by
name, keyset pages of 20-200):
- (display_name, id), both databases: a page walks the index in order and stops after
  limit + 1 matches, instead of sorting the whole company for every page;
- a trigram GIN index on search_text, PostgreSQL only (pg_trgm): a name fragment
  (`search_text LIKE '%frag%'`, 3+ letters) reads the matching rows instead of all of them.
  SQLite has no such index; its directory stays a scan, fine at the sizes SQLite serves.
bench/README.md has the figures (`make bench-100k`).

Revision ID: 20261201_directory_search
Revises: 20261201_structure
Create Date: 2026-12-01 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261201_directory_search"
down_revision: str | None = "20261201_structure"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_ambassador_display_name_id", "ambassador", ["display_name", "id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index(
            "ix_ambassador_search_text_trgm",
            "ambassador",
            ["search_text"],
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        )
        # A finer sample of search_text: with the default, the planner took a first name's
        # fragment (clustered in name order) for a frequent one and walked the name index.
        op.execute("ALTER TABLE ambassador ALTER COLUMN search_text SET STATISTICS 1000")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE ambassador ALTER COLUMN search_text SET STATISTICS -1")
        op.drop_index("ix_ambassador_search_text_trgm", table_name="ambassador")
        # pg_trgm stays: other databases on the server may use it, and it holds no data
    op.drop_index("ix_ambassador_display_name_id", table_name="ambassador")
