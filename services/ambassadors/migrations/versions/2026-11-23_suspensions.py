"""suspension ledger

Revision ID: 20261123_suspensions
Revises: 20261123_initial
Create Date: 2026-11-23 22:15:00
"""

from collections.abc import Sequence

import relais_common.db
import sqlalchemy as sa
from alembic import op

revision: str = "20261123_suspensions"
down_revision: str | None = "20261123_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "suspension_record",
        sa.Column("id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("ambassador_id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("action", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.String(length=600), nullable=False),
        sa.Column("admin_id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("created_at", relais_common.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ambassador_id"],
            ["ambassador.id"],
            name=op.f("fk_suspension_record_ambassador_id_ambassador"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suspension_record")),
    )
    with op.batch_alter_table("suspension_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_suspension_record_ambassador_id"), ["ambassador_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("suspension_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_suspension_record_ambassador_id"))
    op.drop_table("suspension_record")
