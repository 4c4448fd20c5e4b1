"""The review rules, pure: who may approve a grid now, and when it is approved.

Modes (per network): ``none`` (submitting approves at once), ``optional`` (a review may be
asked, the chair may publish without it), ``required`` (one committee member other than the
author approves), ``multi_step`` (ordered steps, each with named approvers and a rule: ``any``
one of them, or ``all`` of them). Nobody approves their own grid: an author named in an
``all`` step is left out of it, and a step nobody else can approve cannot be submitted to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from relais_editorial.networks.models import COMMITTEE_ROLES

# status -> the statuses a grid may move to, and by which action
TRANSITIONS: dict[str, dict[str, str]] = {
    "submit": {"draft": "in_review", "changes_requested": "in_review"},
    "approve": {"in_review": "approved"},
    "request_changes": {"in_review": "changes_requested", "approved": "changes_requested"},
    "publish": {"approved": "published"},
    "archive": {
        s: "archived" for s in ("draft", "in_review", "changes_requested", "approved", "published")
    },
}
EDITABLE = frozenset({"draft", "changes_requested"})
# publishing without an approval: which statuses each mode allows it from
PUBLISH_FROM: dict[str, frozenset[str]] = {
    "none": frozenset({"draft", "approved"}),
    "optional": frozenset({"draft", "in_review", "changes_requested", "approved"}),
    "required": frozenset({"approved"}),
    "multi_step": frozenset({"approved"}),
}


@dataclass(frozen=True)
class Step:
    name: str
    approvers: frozenset[str]
    rule: str


def steps_of(mode: str, raw: Sequence[dict[str, Any]]) -> list[Step]:
    if mode != "multi_step":
        return []
    return [
        Step(str(s.get("name", "")), frozenset(s.get("approvers", [])), str(s.get("rule", "any")))
        for s in raw
    ]


def needed(step: Step, author_id: str | None) -> frozenset[str]:
    """Who must approve this step (``all``) or may (``any``): never the author."""
    return step.approvers - {author_id} if author_id else step.approvers


def step_done(step: Step, author_id: str | None, approvers: set[str]) -> bool:
    who = needed(step, author_id)
    return bool(who) and (who <= approvers if step.rule == "all" else bool(who & approvers))


def current_step(
    steps: list[Step], author_id: str | None, by_step: dict[int, set[str]]
) -> int | None:
    """The first step not done yet (None: all done)."""
    for n, step in enumerate(steps):
        if not step_done(step, author_id, by_step.get(n, set())):
            return n
    return None


def unreachable_step(steps: list[Step], author_id: str | None) -> Step | None:
    """A step only the author could approve (the grid could never pass it)."""
    return next((s for s in steps if not needed(s, author_id)), None)


def may_approve(
    *,
    mode: str,
    status: str,
    steps: list[Step],
    author_id: str | None,
    person_id: str,
    role: str | None,
    by_step: dict[int, set[str]],
) -> bool:
    if status != "in_review" or person_id == author_id or role not in COMMITTEE_ROLES:
        return False
    if mode != "multi_step":
        return person_id not in by_step.get(0, set())
    step = current_step(steps, author_id, by_step)
    if step is None:
        return False
    return person_id in needed(steps[step], author_id) and person_id not in by_step.get(step, set())
