"""index the outbox by aggregate

A person's privacy export and erasure read and delete their outbox events by aggregate_id;
without an index both scanned the whole outbox, a table that only grows.

Revision ID: 20261201_outbox_aggregate
Revises: 20261201_post_consent
Create Date: 2026-12-01 16:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261201_outbox_aggregate"
down_revision: str | None = "20261201_post_consent"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_outbox_event_aggregate_id", "outbox_event", ["aggregate_id"])


def downgrade() -> None:
    op.drop_index("ix_outbox_event_aggregate_id", table_name="outbox_event")
