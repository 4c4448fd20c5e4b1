"""directory search at company scale

Revision ID: 20261201_directory_search
Revises: 20261201_structure
Create Date: 2026-12-01 10:00:00
"""

from collections.abc import Sequence

revision: str = "20261201_directory_search"
down_revision: str | None = "20261201_structure"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
