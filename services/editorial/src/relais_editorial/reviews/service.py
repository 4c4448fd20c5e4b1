"""The review workflow: draft → in review → changes requested → approved → published →
archived. The committee submits and reviews, nobody approves their own grid, the chair
publishes; each action needs the grid's If-Match and leaves a revision."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from relais_common.db import utcnow
from relais_common.errors import Conflict, Forbidden
from sqlalchemy.orm import Session

from relais_editorial.comments.service import add_comment
from relais_editorial.grids.models import MessageGrid
from relais_editorial.grids.reads import grid_read
from relais_editorial.grids.repository import GridRepository
from relais_editorial.grids.schemas import GridRead
from relais_editorial.grids.service import locked_grid
from relais_editorial.networks.auth import NetworkAccess
from relais_editorial.networks.models import COMMITTEE_ROLES, NetworkSettings
from relais_editorial.networks.repository import (
    NetworkRepository,
    RoleRepository,
    SettingsRepository,
)
from relais_editorial.reviews import history, rules
from relais_editorial.reviews.models import GridApproval
from relais_editorial.reviews.repository import ApprovalRepository, RevisionRepository
from relais_editorial.reviews.schemas import QueueItem, ReviewQueue, RevisionList, RevisionRead

QUEUE_LIMIT = 100


def _move(grid: MessageGrid, action: str, to: str | None = None) -> str:
    target = to or rules.TRANSITIONS[action].get(grid.status)
    if target is None:
        raise Conflict(
            f"This grid is {grid.status.replace('_', ' ')}: "
            f"“{action.replace('_', ' ')}” does not apply to it now.",
            status_value=grid.status,
        )
    before = grid.status
    grid.status = target
    grid.version += 1
    grid.updated_at = utcnow()
    return before


def _by_step(session: Session, grid: MessageGrid) -> dict[int, set[str]]:
    return _approvals_by_grid(session, [grid])[grid.id]


def _approvals_by_grid(
    session: Session, grids: Sequence[MessageGrid]
) -> dict[str, dict[int, set[str]]]:
    """Each grid's approvers of its current round, by step: one query for all the grids."""
    found: dict[str, dict[int, set[str]]] = {g.id: defaultdict(set) for g in grids}
    rounds = {g.id: g.review_round for g in grids}
    for a in ApprovalRepository.from_session(session).of_round(list(rounds), rounds):
        if a.approver_id:
            found[a.grid_id][a.step].add(a.approver_id)
    return found


def _done(
    session: Session,
    grid: MessageGrid,
    access: NetworkAccess,
    comment: str | None,
    action: str,
    before: str,
) -> None:
    changes = [{"field": "status", "before": before, "after": grid.status}]
    history.record(session, grid, access.person_id, action, changes)
    if comment:
        add_comment(session, grid, access.person_id, comment, variant_id=None)


def _settings(session: Session, access: NetworkAccess) -> NetworkSettings:
    return SettingsRepository.from_session(session).of(access.network.id)


def submit(
    session: Session,
    access: NetworkAccess,
    grid_id: str,
    if_match: str | None,
    comment: str | None,
    disclosure: str,
) -> GridRead:
    grid = locked_grid(session, access, grid_id, if_match, disclosure)
    settings = _settings(session, access)
    steps = rules.steps_of(settings.approval_mode, settings.approval_steps or [])
    blocked = rules.unreachable_step(steps, grid.author_id)
    if blocked is not None:
        raise Conflict(
            f"Nobody but the author can approve the step {blocked.name!r}: the chair must name "
            "other approvers first (nobody approves their own grid)."
        )
    # no approval needed: submitting approves at once
    target = "approved" if settings.approval_mode == "none" else None
    if grid.status not in rules.TRANSITIONS["submit"]:
        _move(grid, "submit")
    before = _move(grid, "submit", target)
    grid.review_round += 1
    grid.submitted_at = utcnow()
    _done(session, grid, access, comment, "submitted", before)
    return grid_read(session, access, grid, disclosure)


def approve(
    session: Session,
    access: NetworkAccess,
    grid_id: str,
    if_match: str | None,
    comment: str | None,
    disclosure: str,
) -> GridRead:
    grid = locked_grid(session, access, grid_id, if_match, disclosure)
    if grid.author_id == access.person_id:
        raise Forbidden("Nobody approves their own grid: another committee member must.")
    settings = _settings(session, access)
    steps = rules.steps_of(settings.approval_mode, settings.approval_steps or [])
    by_step = _by_step(session, grid)
    allowed = rules.may_approve(
        mode=settings.approval_mode,
        status=grid.status,
        steps=steps,
        author_id=grid.author_id,
        person_id=access.person_id,
        role=access.role,
        by_step=by_step,
    )
    if grid.status != "in_review":
        _move(grid, "approve")  # raises the 409
    if not allowed:
        raise Forbidden("You are not an approver of this grid at its current step, or approved it.")
    step = rules.current_step(steps, grid.author_id, by_step) if steps else 0
    step = step or 0
    ApprovalRepository.from_session(session).create(
        GridApproval(
            grid_id=grid.id, review_round=grid.review_round, step=step, approver_id=access.person_id
        ),
        flush=True,
    )
    by_step[step].add(access.person_id)
    if not steps or rules.current_step(steps, grid.author_id, by_step) is None:
        before = _move(grid, "approve")
        _done(session, grid, access, comment, "approved", before)
    else:
        grid.version += 1
        grid.updated_at = utcnow()
        history.record(session, grid, access.person_id, f"approved step {steps[step].name}")
        if comment:
            add_comment(session, grid, access.person_id, comment, variant_id=None)
    return grid_read(session, access, grid, disclosure)


def request_changes(
    session: Session,
    access: NetworkAccess,
    grid_id: str,
    if_match: str | None,
    comment: str,
    disclosure: str,
) -> GridRead:
    grid = locked_grid(session, access, grid_id, if_match, disclosure)
    if grid.author_id == access.person_id:
        raise Forbidden("Reviewers ask for changes; as the author, edit the grid instead.")
    before = _move(grid, "request_changes")
    _done(session, grid, access, comment, "changes_requested", before)
    return grid_read(session, access, grid, disclosure)


def publish(
    session: Session,
    access: NetworkAccess,
    grid_id: str,
    if_match: str | None,
    comment: str | None,
    disclosure: str,
) -> GridRead:
    """The chair publishes; without an approval only where the network's mode allows it."""
    grid = locked_grid(session, access, grid_id, if_match, disclosure)
    mode = _settings(session, access).approval_mode
    if grid.status not in rules.PUBLISH_FROM[mode]:
        raise Conflict(
            f"In the {mode.replace('_', '-')} mode a grid is published once approved; this one "
            f"is {grid.status.replace('_', ' ')}.",
            status_value=grid.status,
        )
    before = _move(grid, "publish", "published")
    _done(session, grid, access, comment, "published", before)
    return grid_read(session, access, grid, disclosure)


def archive(
    session: Session,
    access: NetworkAccess,
    grid_id: str,
    if_match: str | None,
    comment: str | None,
    disclosure: str,
) -> GridRead:
    grid = locked_grid(session, access, grid_id, if_match, disclosure)
    before = _move(grid, "archive")
    _done(session, grid, access, comment, "archived", before)
    return grid_read(session, access, grid, disclosure)


def revisions(
    session: Session, access: NetworkAccess, grid: MessageGrid, *, cursor: str | None, limit: int
) -> RevisionList:
    rows, next_cursor = RevisionRepository.from_session(session).page(
        grid.id, cursor=cursor, limit=limit
    )
    names = RoleRepository.from_session(session).names(
        access.network.id, {r.actor_id for r in rows if r.actor_id}
    )
    items = [
        RevisionRead(
            id=r.id,
            actor_id=r.actor_id,
            actor_name=names.get(r.actor_id) if r.actor_id else None,
            action=r.action,
            changes=list(r.changes or []),
            grid_version=r.grid_version,
            at=r.created_at,
        )
        for r in rows
    ]
    return RevisionList(items=items, next_cursor=next_cursor)


def review_queue(session: Session, person_id: str) -> ReviewQueue:
    """Grids awaiting my approval, across my networks (committee roles only). Five queries
    whatever the queue's length: roles, grids, then their networks, settings, approvals and
    authors' names each in one."""
    roles = RoleRepository.from_session(session).roles_of_person(person_id)
    committee = [n for n, role in roles.items() if role in COMMITTEE_ROLES]
    grids = GridRepository.from_session(session).in_review(committee, QUEUE_LIMIT * 4)
    if not grids:
        return ReviewQueue(count=0, items=[])
    ids = sorted({g.network_id for g in grids})
    networks = NetworkRepository.from_session(session).by_ids(ids)
    settings = SettingsRepository.from_session(session).of_networks(ids)
    approvals = _approvals_by_grid(session, grids)
    names = RoleRepository.from_session(session).names_across(
        {(g.network_id, g.author_id) for g in grids if g.author_id}
    )
    items: list[QueueItem] = []
    for grid in grids:
        setting, by_step = settings[grid.network_id], approvals[grid.id]
        steps = rules.steps_of(setting.approval_mode, setting.approval_steps or [])
        if not rules.may_approve(
            mode=setting.approval_mode,
            status=grid.status,
            steps=steps,
            author_id=grid.author_id,
            person_id=person_id,
            role=roles.get(grid.network_id),
            by_step=by_step,
        ):
            continue
        step = rules.current_step(steps, grid.author_id, by_step) if steps else None
        network = networks[grid.network_id]
        items.append(
            QueueItem(
                grid_id=grid.id,
                entry_id=grid.entry_id,
                title=grid.title,
                network_slug=network.slug,
                network_name=network.name,
                author_name=names.get((grid.network_id, grid.author_id or "")),
                submitted_at=grid.submitted_at,
                step=steps[step].name if step is not None else None,
            )
        )
    return ReviewQueue(count=len(items), items=items[:QUEUE_LIMIT])
