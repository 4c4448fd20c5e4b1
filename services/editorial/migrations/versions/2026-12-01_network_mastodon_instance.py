"""network settings: the Mastodon instance and its limit

A network's Mastodon instance (issue 8) and the limit its public API gave when the settings
were saved, with where it came from ("instance", or "default": none named, or unreadable then).
Existing networks count against 500, as before.

Revision ID: 20261201_network_mastodon
Revises: 20261201_editorial_extras
Create Date: 2026-12-01 16:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261201_network_mastodon"
down_revision: str | None = "20261201_editorial_extras"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("network_settings") as batch:
        batch.add_column(sa.Column("mastodon_instance", sa.String(length=300), nullable=True))
        batch.add_column(
            sa.Column("mastodon_limit", sa.Integer(), server_default="500", nullable=False)
        )
        batch.add_column(
            sa.Column(
                "mastodon_limit_source",
                sa.String(length=20),
                server_default="default",
                nullable=False,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("network_settings") as batch:
        batch.drop_column("mastodon_limit_source")
        batch.drop_column("mastodon_limit")
        batch.drop_column("mastodon_instance")
