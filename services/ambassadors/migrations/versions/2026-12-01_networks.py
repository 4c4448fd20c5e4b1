"""dynamic networks, memberships, roles, externals, cycle

Networks around themes, their memberships (requests and invitations included) with a ledger of
role changes, their external actors with a consent ledger, and dated notes per cycle phase.

Revision ID: 20261201_networks
Revises: 20261201_speed
Create Date: 2026-12-01 12:40:00
"""

from collections.abc import Sequence

import relais_common.db
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "20261201_networks"
down_revision: str | None = "20261201_speed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "network",
        sa.Column("id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("slug", sa.String(length=140), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("visibility", sa.String(length=12), nullable=False),
        sa.Column("current_phase", sa.String(length=20), nullable=False),
        sa.Column("cycle_version", sa.Integer(), nullable=False),
        sa.Column("archived_at", relais_common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_by", relais_common.db.UUIDStr(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", relais_common.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network")),
        sa.UniqueConstraint("slug", name=op.f("uq_network_slug")),
    )
    op.create_table(
        "network_phase_note",
        sa.Column("id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("network_id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("phase", sa.String(length=20), nullable=False),
        sa.Column("note_date", sa.Date(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_id", relais_common.db.UUIDStr(length=36), nullable=True),
        sa.Column("created_at", relais_common.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["network_id"],
            ["network.id"],
            name=op.f("fk_network_phase_note_network_id_network"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_phase_note")),
    )
    op.create_index(
        "ix_network_phase_note_network_phase",
        "network_phase_note",
        ["network_id", "phase"],
        unique=False,
    )
    op.create_table(
        "network_theme",
        sa.Column("network_id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("theme_id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["network_id"],
            ["network.id"],
            name=op.f("fk_network_theme_network_id_network"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["theme.id"],
            name=op.f("fk_network_theme_theme_id_theme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("network_id", "theme_id", name=op.f("pk_network_theme")),
    )
    op.create_index(op.f("ix_network_theme_theme_id"), "network_theme", ["theme_id"], unique=False)
    op.create_table(
        "network_external",
        sa.Column("id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("network_id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("organisation", sa.String(length=120), nullable=False),
        sa.Column(
            "accounts", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("owner_id", relais_common.db.UUIDStr(length=36), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("consented_at", relais_common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", relais_common.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["network_id"],
            ["network.id"],
            name=op.f("fk_network_external_network_id_network"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["ambassador.id"],
            name=op.f("fk_network_external_owner_id_ambassador"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_external")),
    )
    op.create_index(
        op.f("ix_network_external_network_id"), "network_external", ["network_id"], unique=False
    )
    op.create_index(
        op.f("ix_network_external_owner_id"), "network_external", ["owner_id"], unique=False
    )
    op.create_table(
        "network_membership",
        sa.Column("id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("network_id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("ambassador_id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("note", sa.String(length=600), nullable=False),
        sa.Column("decided_by", relais_common.db.UUIDStr(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", relais_common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("joined_at", relais_common.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["ambassador_id"],
            ["ambassador.id"],
            name=op.f("fk_network_membership_ambassador_id_ambassador"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["network_id"],
            ["network.id"],
            name=op.f("fk_network_membership_network_id_network"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_membership")),
        sa.UniqueConstraint(
            "network_id", "ambassador_id", name=op.f("uq_network_membership_network_id")
        ),
    )
    op.create_index(
        op.f("ix_network_membership_ambassador_id"),
        "network_membership",
        ["ambassador_id"],
        unique=False,
    )
    op.create_index(
        "ix_network_membership_network_status",
        "network_membership",
        ["network_id", "status"],
        unique=False,
    )
    op.create_table(
        "network_role_change",
        sa.Column("id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("network_id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("ambassador_id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("reason", sa.String(length=24), nullable=False),
        sa.Column("from_role", sa.String(length=12), nullable=True),
        sa.Column("to_role", sa.String(length=12), nullable=True),
        sa.Column("actor_id", relais_common.db.UUIDStr(length=36), nullable=True),
        sa.Column("created_at", relais_common.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ambassador_id"],
            ["ambassador.id"],
            name=op.f("fk_network_role_change_ambassador_id_ambassador"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["network_id"],
            ["network.id"],
            name=op.f("fk_network_role_change_network_id_network"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_role_change")),
    )
    op.create_index(
        op.f("ix_network_role_change_ambassador_id"),
        "network_role_change",
        ["ambassador_id"],
        unique=False,
    )
    op.create_index(
        "ix_network_role_change_network_created",
        "network_role_change",
        ["network_id", "created_at"],
        unique=False,
    )
    op.create_table(
        "external_consent",
        sa.Column("id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("external_id", relais_common.db.UUIDStr(length=36), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("evidence", sa.String(length=600), nullable=False),
        sa.Column("recorded_by", relais_common.db.UUIDStr(length=36), nullable=True),
        sa.Column("created_at", relais_common.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["external_id"],
            ["network_external.id"],
            name=op.f("fk_external_consent_external_id_network_external"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_external_consent")),
    )
    op.create_index(
        op.f("ix_external_consent_external_id"), "external_consent", ["external_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_external_consent_external_id"), table_name="external_consent")
    op.drop_table("external_consent")
    op.drop_index("ix_network_role_change_network_created", table_name="network_role_change")
    op.drop_index(op.f("ix_network_role_change_ambassador_id"), table_name="network_role_change")
    op.drop_table("network_role_change")
    op.drop_index("ix_network_membership_network_status", table_name="network_membership")
    op.drop_index(op.f("ix_network_membership_ambassador_id"), table_name="network_membership")
    op.drop_table("network_membership")
    op.drop_index(op.f("ix_network_external_owner_id"), table_name="network_external")
    op.drop_index(op.f("ix_network_external_network_id"), table_name="network_external")
    op.drop_table("network_external")
    op.drop_index(op.f("ix_network_theme_theme_id"), table_name="network_theme")
    op.drop_table("network_theme")
    op.drop_index("ix_network_phase_note_network_phase", table_name="network_phase_note")
    op.drop_table("network_phase_note")
    op.drop_table("network")
