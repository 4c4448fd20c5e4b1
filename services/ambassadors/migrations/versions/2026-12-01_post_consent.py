"""consent to show posts, per account feed

Placeholder in the chain; its owner fills it in.

Revision ID: 20261201_post_consent
Revises: 20261201_networks
Create Date: 2026-12-01 12:40:00
"""

from collections.abc import Sequence

revision: str = "20261201_post_consent"
down_revision: str | None = "20261201_networks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
