"""consent to show posts, per account feed

Each social account gets its own consent to show its posts on the public page (separate from
listing the account); nobody has given it yet, so every existing account starts without.

Revision ID: 20261201_post_consent
Revises: 20261201_networks
Create Date: 2026-12-01 12:40:00
"""

from collections.abc import Sequence

import relais_common.db
import sqlalchemy as sa
from alembic import op

revision: str = "20261201_post_consent"
down_revision: str | None = "20261201_networks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("social_account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("posts_public", sa.Boolean(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "posts_consented_at", relais_common.db.UTCDateTime(timezone=True), nullable=True
            )
        )
    op.execute(sa.text("UPDATE social_account SET posts_public = :no").bindparams(no=False))
    with op.batch_alter_table("social_account", schema=None) as batch_op:
        batch_op.alter_column("posts_public", existing_type=sa.Boolean(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("social_account", schema=None) as batch_op:
        batch_op.drop_column("posts_consented_at")
        batch_op.drop_column("posts_public")
