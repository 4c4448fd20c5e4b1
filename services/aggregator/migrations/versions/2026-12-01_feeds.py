"""feed registry, items, health, leases

The feeds people consented to show, their items, and what the fetcher knows of each.

Revision ID: 20261201_feeds
Revises: 20261123_read_model
Create Date: 2026-12-01 12:40:00
"""

from collections.abc import Sequence

import relais_common.db
import sqlalchemy as sa
from alembic import op

revision: str = "20261201_feeds"
down_revision: str | None = "20261123_read_model"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    dt = relais_common.db.UTCDateTime(timezone=True)
    op.create_table(
        "feed",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("platform", sa.String(length=40), nullable=False),
        sa.Column("handle", sa.String(length=300), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("original_url", sa.String(length=2000), nullable=False),
        sa.Column("etag", sa.String(length=500), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("body_hash", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("last_success_at", dt, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_at", dt, nullable=True),
        sa.Column("next_attempt_at", dt, nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("redirected_from", sa.String(length=2000), nullable=True),
        sa.Column("redirected_at", dt, nullable=True),
        sa.Column("interval_seconds", sa.Integer(), nullable=False),
        sa.Column("lease_owner", sa.String(length=100), nullable=True),
        sa.Column("lease_until", dt, nullable=True),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", dt, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed")),
        sa.UniqueConstraint(
            "person_id", "platform", "handle", name=op.f("uq_feed_person_id_platform_handle")
        ),
    )
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feed_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_feed_next_attempt_at"), ["next_attempt_at"], unique=False
        )
    op.create_table(
        "feed_item",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("feed_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("guid", sa.String(length=1000), nullable=False),
        sa.Column("link", sa.String(length=2000), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("summary_html", sa.Text(), nullable=False),
        sa.Column("content_html", sa.Text(), nullable=True),
        sa.Column("published_at", dt, nullable=False),
        sa.Column("first_seen_at", dt, nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("matches_filters", sa.Boolean(), nullable=False),
        sa.Column("hidden_by_owner", sa.Boolean(), nullable=False),
        sa.Column("hidden_by_admin", sa.Boolean(), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["feed_id"], ["feed.id"], name=op.f("fk_feed_item_feed_id_feed"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_item")),
        sa.UniqueConstraint("feed_id", "guid", name=op.f("uq_feed_item_feed_id_guid")),
        sa.UniqueConstraint("feed_id", "link", name=op.f("uq_feed_item_feed_id_link")),
    )
    with op.batch_alter_table("feed_item", schema=None) as batch_op:
        batch_op.create_index(
            "ix_feed_item_feed_id_published_at", ["feed_id", "published_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_feed_item_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_feed_item_published_at"), ["published_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("feed_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feed_item_published_at"))
        batch_op.drop_index(batch_op.f("ix_feed_item_person_id"))
        batch_op.drop_index("ix_feed_item_feed_id_published_at")
    op.drop_table("feed_item")
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feed_next_attempt_at"))
        batch_op.drop_index(batch_op.f("ix_feed_person_id"))
    op.drop_table("feed")
