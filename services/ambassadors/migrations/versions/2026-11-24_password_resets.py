"""password resets and session revocation

Revision ID: 20261124_password_resets
Revises: 20261123_search_text
Create Date: 2026-11-24 01:20:00
"""

from collections.abc import Sequence

import relais_common.db
import sqlalchemy as sa
from alembic import op

revision: str = "20261124_password_resets"
down_revision: str | None = "20261123_search_text"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ambassador", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "sessions_revoked_at", relais_common.db.UTCDateTime(timezone=True), nullable=True
            )
        )
    op.create_table(
        "password_reset",
        sa.Column("id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("ambassador_id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("expires_at", relais_common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("used_at", relais_common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", relais_common.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ambassador_id"],
            ["ambassador.id"],
            name=op.f("fk_password_reset_ambassador_id_ambassador"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_password_reset")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_password_reset_token_hash")),
    )
    with op.batch_alter_table("password_reset", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_password_reset_ambassador_id"), ["ambassador_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("password_reset", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_password_reset_ambassador_id"))
    op.drop_table("password_reset")
    with op.batch_alter_table("ambassador", schema=None) as batch_op:
        batch_op.drop_column("sessions_revoked_at")
