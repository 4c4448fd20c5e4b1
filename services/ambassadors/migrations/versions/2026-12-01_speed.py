"""indexes for the hot paths

Placeholder in the chain; its owner fills it in.

Revision ID: 20261201_speed
Revises: 20261201_directory_search
Create Date: 2026-12-01 12:40:00
"""

from collections.abc import Sequence

revision: str = "20261201_speed"
down_revision: str | None = "20261201_directory_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
