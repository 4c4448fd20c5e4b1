"""readable slugs for non-Latin names

Revision ID: 20261201_readable_slugs
Revises: 20261201_accounts_doors
Create Date: 2026-12-01 10:00:00
"""

from collections.abc import Sequence

revision: str = "20261201_readable_slugs"
down_revision: str | None = "20261201_accounts_doors"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
