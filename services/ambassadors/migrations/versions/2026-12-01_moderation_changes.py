"""moderation of public changes

Per-field profile versions (stale If-Match merges), the approved public snapshot with the state
of the change since, and the core team's moderation policy.

Revision ID: 20261201_moderation_changes
Revises: 20261201_readable_slugs
Create Date: 2026-12-01 10:00:00
"""

from collections.abc import Sequence

import relais_common.db
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "20261201_moderation_changes"
down_revision: str | None = "20261201_readable_slugs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_VALUE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("ambassador", schema=None) as batch_op:
        batch_op.add_column(sa.Column("profile_field_versions", JSON_VALUE, nullable=True))
        batch_op.add_column(sa.Column("public_snapshot", JSON_VALUE, nullable=True))
        batch_op.add_column(
            sa.Column("change_status", sa.String(length=20), nullable=False, server_default="none")
        )
        batch_op.add_column(sa.Column("change_reason", sa.String(length=600), nullable=True))
        batch_op.add_column(
            sa.Column(
                "change_submitted_at", relais_common.db.UTCDateTime(timezone=True), nullable=True
            )
        )
        batch_op.add_column(sa.Column("declined_snapshot", JSON_VALUE, nullable=True))
        batch_op.create_index(
            batch_op.f("ix_ambassador_change_status"), ["change_status"], unique=False
        )
    # Rows from before: any field may have changed up to their current version.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "UPDATE ambassador SET profile_field_versions = jsonb_build_object('*', version)"
        )
    else:
        op.execute("UPDATE ambassador SET profile_field_versions = json_object('*', version)")
    _approved_snapshots()
    op.create_table(
        "moderation_policy",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("moderate_changes", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", relais_common.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_policy")),
    )


def _approved_snapshots() -> None:
    """People listed before this revision: their public values then are the approved version
    (moderation/changes.py builds the same shape)."""
    bind = op.get_bind()
    person = sa.table(
        "ambassador",
        *(sa.column(name) for name in ("id", "display_name", "job_title", "location", "bio")),
        sa.column("languages"),
        sa.column("listed_at"),
        sa.column("public_snapshot", JSON_VALUE),
    )
    theme = sa.table("theme", sa.column("id"), sa.column("archived_at"))
    link = sa.table("ambassador_theme", sa.column("ambassador_id"), sa.column("theme_id"))
    account = sa.table(
        "social_account",
        *(sa.column(n) for n in ("id", "ambassador_id", "platform", "handle", "profile_url")),
        sa.column("feed_url"),
        sa.column("public", sa.Boolean()),
    )
    listed = bind.execute(sa.select(person).where(person.c.listed_at.is_not(None))).all()
    if not listed:
        return
    themes: dict[str, set[str]] = {}
    rows = bind.execute(
        sa.select(link.c.ambassador_id, link.c.theme_id)
        .join(theme, theme.c.id == link.c.theme_id)
        .where(theme.c.archived_at.is_(None))
    )
    for person_id, theme_id in rows:
        themes.setdefault(person_id, set()).add(theme_id)
    accounts: dict[str, list[dict[str, str | None]]] = {}
    for a in bind.execute(
        sa.select(account)
        .where(account.c.public.is_(True))
        .order_by(account.c.platform, account.c.handle, account.c.id)
    ):
        accounts.setdefault(a.ambassador_id, []).append(
            {k: getattr(a, k) for k in ("id", "platform", "handle", "profile_url", "feed_url")}
        )
    for p in listed:
        snapshot = {
            "display_name": p.display_name,
            "job_title": p.job_title,
            "location": p.location,
            "bio": p.bio,
            "languages": [code for code in p.languages.split(",") if code],
            "theme_ids": sorted(themes.get(p.id, ())),
            "accounts": accounts.get(p.id, []),
        }
        bind.execute(person.update().where(person.c.id == p.id).values(public_snapshot=snapshot))


def downgrade() -> None:
    op.drop_table("moderation_policy")
    with op.batch_alter_table("ambassador", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ambassador_change_status"))
        batch_op.drop_column("declined_snapshot")
        batch_op.drop_column("change_submitted_at")
        batch_op.drop_column("change_reason")
        batch_op.drop_column("change_status")
        batch_op.drop_column("public_snapshot")
        batch_op.drop_column("profile_field_versions")
