"""readable slugs for non-Latin names

Themes and departments named in another script all got the slug ``item`` (and the second
one a 409). Rows whose slug is ``item`` or ``item-N`` get a transliterated slug, suffixed
when taken; each renamed theme gets a ``theme.changed`` event so the public read model
follows. The rule is copied here (migrations never import the app, which moves on).
Downgrade keeps the readable slugs: they are valid slugs for the old code too.

Revision ID: 20261201_readable_slugs
Revises: 20261201_accounts_doors
Create Date: 2026-12-01 10:00:00
"""

import re
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from anyascii import anyascii

revision: str = "20261201_readable_slugs"
down_revision: str | None = "20261201_accounts_doors"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD = re.compile(r"item(-[0-9]+)?")
_meta = sa.MetaData()
theme = sa.Table(
    "theme",
    _meta,
    sa.Column("id", sa.String(36)),
    sa.Column("slug", sa.String(140)),
    sa.Column("name", sa.String(120)),
    sa.Column("description", sa.Text()),
    sa.Column("archived_at", sa.DateTime(timezone=True)),
)
department = sa.Table(
    "department",
    _meta,
    sa.Column("id", sa.String(36)),
    sa.Column("slug", sa.String(140)),
    sa.Column("name", sa.String(120)),
)
outbox = sa.Table(
    "outbox_event",
    _meta,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("type", sa.String(80)),
    sa.Column("aggregate_id", sa.String(64)),
    sa.Column("payload", sa.JSON()),
    sa.Column("created_at", sa.DateTime(timezone=True)),
)


def _transliterated(char: str) -> str:
    if char.isascii():
        return char
    latin = anyascii(char)
    if unicodedata.east_asian_width(char) == "W" and latin[:1].isupper():
        return f" {latin} "
    return latin


def slugify(name: str, fallback: str) -> str:
    words = "".join(_transliterated(c) for c in unicodedata.normalize("NFC", name))
    slug = re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")
    return slug[:120].rstrip("-") or fallback


def _reslug(table: sa.Table, fallback: str) -> list[tuple[str, str]]:
    """(id, new slug) of every row that had an ``item`` slug, already updated."""
    connection = op.get_bind()
    taken = set(connection.scalars(sa.select(table.c.slug)))
    rows = connection.execute(sa.select(table.c.id, table.c.slug, table.c.name)).all()
    changed: list[tuple[str, str]] = []
    for row in sorted(rows, key=lambda r: r.slug):
        if not _OLD.fullmatch(row.slug):
            continue
        taken.discard(row.slug)
        base = slugify(row.name, fallback)
        slug = base
        n = 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        if slug == row.slug:  # a theme really called "Item"
            continue
        connection.execute(table.update().where(table.c.id == row.id).values(slug=slug))
        changed.append((row.id, slug))
    return changed


def upgrade() -> None:
    connection = op.get_bind()
    _reslug(department, "department")
    for theme_id, _slug in _reslug(theme, "theme"):
        row = connection.execute(sa.select(theme).where(theme.c.id == theme_id)).one()
        payload = {
            "id": row.id,
            "slug": row.slug,
            "name": row.name,
            "description": row.description or "",
            "archived": row.archived_at is not None,
        }
        connection.execute(
            outbox.insert().values(
                type="theme.changed",
                aggregate_id=row.id,
                payload=payload,
                created_at=datetime.now(UTC),
            )
        )


def downgrade() -> None:
    pass
