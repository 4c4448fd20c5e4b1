"""sign-up policy, e-mail verification, login throttling

Accounts that exist before this revision count as verified (they were let in under the old
rules; an admin can suspend any of them). Mail rows get a kind (quotas) and a secret body kept
only until the SMTP job sends it: the admin mailbox shows links redacted.

Revision ID: 20261201_accounts_doors
Revises: 20261124_invitation_revocation
Create Date: 2026-12-01 10:00:00
"""

from collections.abc import Sequence

import relais_common.db
import sqlalchemy as sa
from alembic import op

revision: str = "20261201_accounts_doors"
down_revision: str | None = "20261124_invitation_revocation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ambassador", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "email_verified_at", relais_common.db.UTCDateTime(timezone=True), nullable=True
            )
        )
    op.execute("UPDATE ambassador SET email_verified_at = created_at")
    with op.batch_alter_table("mail_message", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=20), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("secret_body", sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f("ix_mail_message_kind"), ["kind"], unique=False)
    op.create_table(
        "email_verification",
        sa.Column("id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("ambassador_id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("expires_at", relais_common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("used_at", relais_common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", relais_common.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ambassador_id"],
            ["ambassador.id"],
            name=op.f("fk_email_verification_ambassador_id_ambassador"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_verification")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_email_verification_token_hash")),
    )
    with op.batch_alter_table("email_verification", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_email_verification_ambassador_id"), ["ambassador_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("email_verification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_email_verification_ambassador_id"))
    op.drop_table("email_verification")
    with op.batch_alter_table("mail_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mail_message_kind"))
        batch_op.drop_column("secret_body")
        batch_op.drop_column("kind")
    with op.batch_alter_table("ambassador", schema=None) as batch_op:
        batch_op.drop_column("email_verified_at")
