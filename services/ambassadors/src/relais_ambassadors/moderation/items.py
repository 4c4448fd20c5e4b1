"""Moderation cards for a page of people, in a constant number of queries."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from relais_ambassadors.models import Ambassador, Theme
from relais_ambassadors.moderation import repository
from relais_ambassadors.moderation.changes import differences, reconciled, themes_by_id, values_of
from relais_ambassadors.moderation.schemas import FieldChange, ModerationItem
from relais_ambassadors.publication import current_charter_version, status_of
from relais_ambassadors.schemas import SocialAccountRead, TaxonomyRef
from relais_ambassadors.views import departments_by_id


def _shown(field: str, value: Any, themes: Mapping[str, Theme]) -> str | list[str]:
    if field == "theme_ids":
        return [themes[i].name for i in value if i in themes]
    if field == "accounts":
        return [f"{a['platform']}: {a['handle']} ({a['profile_url']})" for a in value]
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value or "")


def items(session: Session, people: Sequence[Ambassador]) -> list[ModerationItem]:
    ids = [p.id for p in people]
    current = current_charter_version(session)
    departments = departments_by_id(session, [p.department_id for p in people])
    accounts = repository.accounts_by_person(session, ids)
    themes = repository.themes_by_person(session, ids)
    approved_ids = [i for p in people if p.public_snapshot for i in p.public_snapshot["theme_ids"]]
    known = {t.id: t for rows in themes.values() for t in rows}
    known.update(themes_by_id(session, [i for i in approved_ids if i not in known]))
    result = []
    for p in people:
        live_themes = [t for t in themes[p.id] if t.archived_at is None]
        live = values_of(p, [t.id for t in live_themes], [a for a in accounts[p.id] if a.public])
        snapshot = reconciled(p.public_snapshot, live, known) if p.public_snapshot else None
        listing = p.moderation != "approved"  # a first listing (waiting, or rejected)
        result.append(
            ModerationItem(
                ambassador_id=p.id,
                kind="listing" if listing else "change",
                display_name=p.display_name,
                email=p.email,
                job_title=p.job_title,
                location=p.location,
                languages=p.language_list,
                bio=p.bio,
                themes=[TaxonomyRef(id=t.id, slug=t.slug, name=t.name) for t in live_themes],
                department=departments.get(p.department_id or ""),
                status=status_of(p, current),
                moderation=p.moderation,
                reason=p.moderation_reason if listing else p.change_reason,
                consented_at=p.listing_consented_at,
                submitted_at=p.listing_consented_at if listing else p.change_submitted_at,
                accounts=[SocialAccountRead.model_validate(a) for a in accounts[p.id]],
                changes=[
                    FieldChange(
                        field=field,
                        approved=_shown(field, before, known),
                        proposed=_shown(field, after, known),
                    )
                    for field, before, after in differences(snapshot, live)
                ],
            )
        )
    return result
