"""Grids as read: variants with their full text, count and checklist; the review's state.

Everything a page of grids needs is loaded in a few batched queries (variants, approvals,
names), never one query per grid.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from relais_common.db import utcnow
from sqlalchemy.orm import Session

from relais_editorial.checklist import VariantInput, check_variant
from relais_editorial.counting import count
from relais_editorial.grids.models import MessageGrid, MessageVariant
from relais_editorial.grids.repository import VariantRepository
from relais_editorial.grids.schemas import (
    ApprovalRead,
    Check,
    GridRead,
    ReviewState,
    VariantRead,
)
from relais_editorial.networks.auth import NetworkAccess
from relais_editorial.networks.repository import RoleRepository, SettingsRepository
from relais_editorial.reviews import rules
from relais_editorial.reviews.models import GridApproval
from relais_editorial.reviews.repository import ApprovalRepository


def full_text(text: str, disclosure: str) -> str:
    """The text as shared: the disclosure appended, unless the author already wrote it."""
    return text if disclosure in text else f"{text}\n\n{disclosure}"


def expiry(expires_at: datetime | None, now: datetime, what: str) -> str | None:
    if expires_at is not None and expires_at <= now:
        return f"This {what} expired on {expires_at.isoformat()}: it is no longer offered."
    return None


def _input(v: MessageVariant, grid: MessageGrid, disclosure: str) -> VariantInput:
    return VariantInput(
        platform=v.platform,
        language=v.language,
        text=full_text(v.text, disclosure),
        link_url=grid.link_url,
        hashtags=tuple(grid.hashtags or ()),
        disclosure=disclosure,
        key=v.id,
    )


def variant_reads(
    grid: MessageGrid,
    variants: list[MessageVariant],
    disclosure: str,
    now: datetime,
    mastodon_limit: int | None = None,
) -> list[VariantRead]:
    inputs = [_input(v, grid, disclosure) for v in variants]
    grid_expired = expiry(grid.expires_at, now, "grid")
    reads = []
    for v, given in zip(variants, inputs, strict=True):
        counted = count(v.platform, given.text, mastodon_limit=mastodon_limit)
        reason = grid_expired or expiry(v.expires_at, now, "variant")
        reads.append(
            VariantRead(
                id=v.id,
                grid_id=v.grid_id,
                platform=v.platform,
                language=v.language,
                text=v.text,
                full_text=given.text,
                count=counted.count,
                limit=counted.limit,
                over_limit=counted.over,
                position=v.position,
                expires_at=v.expires_at,
                expired=reason is not None,
                expired_reason=reason,
                checklist=[
                    Check(check=c.check, ok=c.ok, severity=c.severity, message=c.message)
                    for c in check_variant(given, inputs)
                ],
                version=v.version,
                updated_at=v.updated_at,
            )
        )
    return reads


def _review(
    grid: MessageGrid,
    approvals: list[GridApproval],
    mode: str,
    steps: list[rules.Step],
    access: NetworkAccess,
    names: dict[str, str],
) -> ReviewState:
    by_step: dict[int, set[str]] = defaultdict(set)
    for a in approvals:
        if a.approver_id:
            by_step[a.step].add(a.approver_id)
    in_steps = mode == "multi_step" and grid.status == "in_review"
    return ReviewState(
        mode=mode,
        round=grid.review_round,
        current_step=rules.current_step(steps, grid.author_id, by_step) if in_steps else None,
        steps=[s.name for s in steps],
        approvals=[
            ApprovalRead(
                approver_id=a.approver_id,
                approver_name=names.get(a.approver_id) if a.approver_id else None,
                step=a.step,
                at=a.created_at,
            )
            for a in approvals
        ],
        can_approve=rules.may_approve(
            mode=mode,
            status=grid.status,
            steps=steps,
            author_id=grid.author_id,
            person_id=access.person_id,
            role=access.role,
            by_step=by_step,
        ),
    )


def grid_reads(
    session: Session, access: NetworkAccess, grids: list[MessageGrid], default_disclosure: str
) -> list[GridRead]:
    settings = SettingsRepository.from_session(session).of(access.network.id)
    disclosure = settings.disclosure or default_disclosure
    steps = rules.steps_of(settings.approval_mode, settings.approval_steps or [])
    ids = [g.id for g in grids]
    variants: dict[str, list[MessageVariant]] = defaultdict(list)
    for v in VariantRepository.from_session(session).of_grids(ids):
        variants[v.grid_id].append(v)
    approvals: dict[str, list[GridApproval]] = defaultdict(list)
    rounds = {g.id: g.review_round for g in grids}
    for a in ApprovalRepository.from_session(session).of_round(ids, rounds):
        approvals[a.grid_id].append(a)
    people = {g.author_id for g in grids if g.author_id} | {
        a.approver_id for rows in approvals.values() for a in rows if a.approver_id
    }
    names = RoleRepository.from_session(session).names(access.network.id, people)
    now = utcnow()
    reads = []
    for g in grids:
        reason = expiry(g.expires_at, now, "grid")
        released = g.release_at is None or g.release_at <= now
        reads.append(
            GridRead(
                id=g.id,
                entry_id=g.entry_id,
                title=g.title,
                status=g.status,
                link_url=g.link_url,
                hashtags=list(g.hashtags or []),
                mentions=list(g.mentions or []),
                release_at=g.release_at,
                expires_at=g.expires_at,
                expired=reason is not None,
                expired_reason=reason,
                offered=g.status == "published" and released and reason is None,
                author_id=g.author_id,
                author_name=names.get(g.author_id) if g.author_id else None,
                disclosure=disclosure,
                mastodon_limit=settings.mastodon_limit,
                review=_review(g, approvals[g.id], settings.approval_mode, steps, access, names),
                variants=variant_reads(g, variants[g.id], disclosure, now, settings.mastodon_limit),
                version=g.version,
                created_at=g.created_at,
                updated_at=g.updated_at,
            )
        )
    return reads


def grid_read(
    session: Session, access: NetworkAccess, grid: MessageGrid, default_disclosure: str
) -> GridRead:
    return grid_reads(session, access, [grid], default_disclosure)[0]
