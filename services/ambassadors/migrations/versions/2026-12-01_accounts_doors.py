"""sign-up policy, e-mail verification, login throttling

Revision ID: 20261201_accounts_doors
Revises: 20261124_invitation_revocation
Create Date: 2026-12-01 10:00:00
"""

from collections.abc import Sequence

revision: str = "20261201_accounts_doors"
down_revision: str | None = "20261124_invitation_revocation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
