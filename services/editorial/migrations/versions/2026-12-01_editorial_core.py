"""network read model, calendar, grids, workflow

Placeholder in the chain; its owner fills it in.

Revision ID: 20261201_editorial_core
Revises: 20261123_initial
Create Date: 2026-12-01 12:40:00
"""

from collections.abc import Sequence

revision: str = "20261201_editorial_core"
down_revision: str | None = "20261123_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
