"""What editorial holds about a person, for their export and erasure.

People live in the ambassadors service: editorial tables refer to them by id only. On erasure
the person's network roles go (they are no longer anyone's member), and what they wrote for a
network stays with the network (calendar entries, grids, comments, history, approvals) with
their id set to NULL: the SPA shows "erased person". Approval steps that named them lose them.
A test fails when a table holding a person (a column such as ``person_id``) is covered by
nothing.
"""

from __future__ import annotations

from typing import Any

from relais_common.privacy import PrivacyRegistry
from sqlalchemy.orm import Session

from relais_editorial.calendars.repository import EntryRepository
from relais_editorial.comments.repository import CommentRepository
from relais_editorial.grids.repository import GridRepository
from relais_editorial.models import events
from relais_editorial.networks.repository import RoleRepository, SettingsRepository
from relais_editorial.reviews.repository import ApprovalRepository, RevisionRepository

REGISTRY: PrivacyRegistry[str] = PrivacyRegistry(person_table="ambassador")
REGISTRY.exempt(events.outbox.name, "editorial publishes no events about people yet")


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None else None


def export_roles(session: Session, person_id: str) -> list[dict[str, Any]]:
    return [
        {"network_id": r.network_id, "role": r.role, "display_name": r.display_name}
        for r in RoleRepository.from_session(session).of_person(person_id)
    ]


def erase_roles(session: Session, person_id: str) -> None:
    RoleRepository.from_session(session).forget_person(person_id)
    for row in SettingsRepository.from_session(session).naming(person_id):
        row.approval_steps = [
            {**step, "approvers": [a for a in step.get("approvers", []) if a != person_id]}
            for step in row.approval_steps
        ]
        row.version += 1


def export_entries(session: Session, person_id: str) -> list[dict[str, Any]]:
    return [
        {"id": e.id, "network_id": e.network_id, "title": e.title, "starts_at": _iso(e.starts_at)}
        for e in EntryRepository.from_session(session).owned_by(person_id)
    ]


def export_grids(session: Session, person_id: str) -> list[dict[str, Any]]:
    return [
        {"id": g.id, "network_id": g.network_id, "title": g.title, "status": g.status}
        for g in GridRepository.from_session(session).authored_by(person_id)
    ]


def export_comments(session: Session, person_id: str) -> list[dict[str, Any]]:
    return [
        {"id": c.id, "grid_id": c.grid_id, "body": c.body, "created_at": _iso(c.created_at)}
        for c in CommentRepository.from_session(session).written_by(person_id)
    ]


def export_reviews(session: Session, person_id: str) -> dict[str, Any]:
    approvals = ApprovalRepository.from_session(session).given_by(person_id)
    revisions = RevisionRepository.from_session(session).made_by(person_id)
    return {
        "approvals": [{"grid_id": a.grid_id, "at": _iso(a.created_at)} for a in approvals],
        "history": [
            {"grid_id": r.grid_id, "action": r.action, "at": _iso(r.created_at)} for r in revisions
        ],
    }


def erase_reviews(session: Session, person_id: str) -> None:
    ApprovalRepository.from_session(session).forget_approver(person_id)
    RevisionRepository.from_session(session).forget_actor(person_id)


REGISTRY.register(
    "networks",
    tables=["network_role_view", "network_settings"],
    export=export_roles,
    erase=erase_roles,
)
REGISTRY.register(
    "calendar_entries",
    tables=["calendar_entry"],
    export=export_entries,
    erase=lambda s, p: EntryRepository.from_session(s).forget_owner(p),
)
REGISTRY.register(
    "grids",
    tables=["message_grid"],
    export=export_grids,
    erase=lambda s, p: GridRepository.from_session(s).forget_author(p),
)
REGISTRY.register(
    "comments",
    tables=["grid_comment"],
    export=export_comments,
    erase=lambda s, p: CommentRepository.from_session(s).forget_author(p),
)
REGISTRY.register(
    "reviews",
    tables=["grid_approval", "grid_revision"],
    export=export_reviews,
    erase=erase_reviews,
)

# Contributions, briefs, calendar feeds and preview links register from their own module.
from relais_editorial.extras_privacy import register_extras  # noqa: E402

register_extras(REGISTRY)
