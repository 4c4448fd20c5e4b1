"""moderation of items: hide, pin, blocklist

Hiding and pinning are feed_item columns (the feeds migration); this adds the admins' keyword
blocklist and the moderation revision (the blocklist's ETag, and the render cache's signal),
and the public networks (from network.changed events).

Revision ID: 20261201_planet_outputs
Revises: 20261201_feeds
Create Date: 2026-12-01 12:40:00
"""

from collections.abc import Sequence

import relais_common.db
import sqlalchemy as sa
from alembic import op

revision: str = "20261201_planet_outputs"
down_revision: str | None = "20261201_feeds"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    dt = relais_common.db.UTCDateTime(timezone=True)
    op.create_table(
        "blocked_keyword",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("created_at", dt, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_blocked_keyword")),
    )
    op.create_table(
        "moderation_revision",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("changed_at", dt, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_revision")),
    )
    # Networks as the public sees them (network.changed events): the Planet's /networks/<slug>.
    op.create_table(
        "public_network",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("slug", sa.String(length=140), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("theme_slugs", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_public_network")),
        sa.UniqueConstraint("slug", name=op.f("uq_public_network_slug")),
    )


def downgrade() -> None:
    op.drop_table("public_network")
    op.drop_table("moderation_revision")
    op.drop_table("blocked_keyword")
