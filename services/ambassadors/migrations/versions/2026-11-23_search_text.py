"""ambassador.search_text: unaccented, casefolded profile text for the directory search

Revision ID: 20261123_search_text
Revises: 20261123_suspensions
Create Date: 2026-11-23 22:40:00
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261123_search_text"
down_revision: str | None = "20261123_suspensions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of relais_ambassadors.search_text at the time of this revision.
SEARCHED_FIELDS = ("display_name", "job_title", "location", "bio")


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(unicodedata.normalize("NFKC", bare).split())


ambassador = sa.table(
    "ambassador",
    sa.column("id", sa.String),
    sa.column("search_text", sa.Text),
    *(sa.column(name, sa.Text) for name in SEARCHED_FIELDS),
)


def upgrade() -> None:
    with op.batch_alter_table("ambassador", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(ambassador.c.id, *(ambassador.c[name] for name in SEARCHED_FIELDS))
    ).all()
    for row in rows:
        text = "\n".join(normalise(getattr(row, name) or "") for name in SEARCHED_FIELDS)
        connection.execute(
            ambassador.update().where(ambassador.c.id == row.id).values(search_text=text)
        )


def downgrade() -> None:
    with op.batch_alter_table("ambassador", schema=None) as batch_op:
        batch_op.drop_column("search_text")
