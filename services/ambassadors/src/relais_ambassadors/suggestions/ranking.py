"""Who would fit a network: a pure score with its reasons (unit-tested without a database).

Per candidate: 3 points per theme shared with the network; 1 per platform they are publicly
present on among the network's audience platforms (at most 3); 1 per language the network's
members do not speak yet (at most 2); 2 for a department not yet represented. The department
point is given greedily: once a suggestion from a department is picked, the next ones from
the same department no longer get it, so the list spreads across the company.
"""

from __future__ import annotations

from dataclasses import dataclass, field

THEME_POINTS, PLATFORM_POINTS, LANGUAGE_POINTS, DEPARTMENT_POINTS = 3, 1, 1, 2
MAX_PLATFORMS, MAX_LANGUAGES = 3, 2
LIMIT = 50


@dataclass(frozen=True)
class Candidate:
    id: str
    display_name: str
    department_id: str | None
    department_name: str | None
    languages: tuple[str, ...]
    themes: tuple[str, ...]  # names of the network's themes they declared
    platforms: tuple[str, ...]  # their public accounts' platforms


@dataclass(frozen=True)
class NetworkProfile:
    languages: frozenset[str]  # spoken by its members
    departments: frozenset[str]  # of its members
    audience: tuple[str, ...]  # platforms where its themes' audiences are, best first
    labels: dict[str, str] = field(default_factory=dict)  # platform id -> label


@dataclass(frozen=True)
class Reason:
    kind: str  # theme | platform | language | department
    detail: str


@dataclass(frozen=True)
class Suggestion:
    candidate: Candidate
    score: int
    reasons: tuple[Reason, ...]
    text: str


def _base(c: Candidate, n: NetworkProfile) -> tuple[int, list[Reason]]:
    reasons = [Reason("theme", ", ".join(c.themes))] if c.themes else []
    score = THEME_POINTS * len(c.themes)
    on = [p for p in n.audience if p in c.platforms][:MAX_PLATFORMS]
    if on:
        score += PLATFORM_POINTS * len(on)
        reasons.append(Reason("platform", ", ".join(n.labels.get(p, p) for p in on)))
    new = [lang for lang in c.languages if lang not in n.languages][:MAX_LANGUAGES]
    if new:
        score += LANGUAGE_POINTS * len(new)
        reasons.append(Reason("language", ", ".join(new)))
    return score, reasons


def _text(reasons: list[Reason]) -> str:
    said = {
        "theme": "shares the themes {}",
        "platform": "is present on {}, where these themes' audiences are",
        "language": "speaks {}, not yet spoken in the network",
        "department": "works in {}, not yet represented",
    }
    parts = [said[r.kind].format(r.detail) for r in reasons]
    return (parts[0][:1].upper() + "; ".join(parts)[1:] + ".") if parts else ""


def rank(
    candidates: list[Candidate], network: NetworkProfile, limit: int = LIMIT
) -> list[Suggestion]:
    """The best ``limit`` candidates, best first (ties by name), with their reasons."""
    base = {c.id: _base(c, network) for c in candidates}
    represented = set(network.departments)
    remaining = sorted(candidates, key=lambda c: (c.display_name, c.id))
    picked: list[Suggestion] = []
    while remaining and len(picked) < limit:

        def total(c: Candidate) -> int:
            fresh = c.department_id is not None and c.department_id not in represented
            return base[c.id][0] + (DEPARTMENT_POINTS if fresh else 0)

        at = max(range(len(remaining)), key=lambda i: (total(remaining[i]), -i))
        best = remaining.pop(at)
        score, reasons = base[best.id][0], list(base[best.id][1])
        if best.department_id is not None and best.department_id not in represented:
            score += DEPARTMENT_POINTS
            reasons.append(Reason("department", best.department_name or ""))
            represented.add(best.department_id)
        if score > 0:
            picked.append(Suggestion(best, score, tuple(reasons), _text(reasons)))
    return sorted(picked, key=lambda s: (-s.score, s.candidate.display_name, s.candidate.id))
