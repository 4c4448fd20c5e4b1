"""Ranked suggestions of ambassadors for a network (the rules are in ranking.py)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from relais_ambassadors.memberships.repository import MembershipRepository
from relais_ambassadors.networks.models import Network
from relais_ambassadors.networks.repository import NetworkRepository
from relais_ambassadors.platforms import PLATFORMS
from relais_ambassadors.presence.audiences import audiences
from relais_ambassadors.schemas import TaxonomyRef
from relais_ambassadors.suggestions import repository
from relais_ambassadors.suggestions.ranking import Candidate, NetworkProfile, rank
from relais_ambassadors.suggestions.schemas import (
    SuggestedPerson,
    SuggestionList,
    SuggestionRead,
    SuggestionReason,
)


def _profile(session: Session, network: Network, theme_slugs: list[str]) -> NetworkProfile:
    languages: set[str] = set()
    departments: set[str] = set()
    for langs, department_id in repository.members_profile(session, network.id):
        languages.update(code for code in langs.split(",") if code)
        if department_id:
            departments.add(department_id)
    table = audiences(theme_slugs)
    ordered = sorted(table, key=lambda p: (-sum(table[p].values()), p))
    labels = {p: info.label for p, info in PLATFORMS.items()}
    return NetworkProfile(frozenset(languages), frozenset(departments), tuple(ordered), labels)


def _candidates(session: Session, network: Network, theme_names: dict[str, str]) -> list[Candidate]:
    rows = repository.candidate_rows(session, network.id, list(theme_names))
    people = {row.id: row for row in rows}
    themes: dict[str, list[str]] = {}
    for row in rows:
        themes.setdefault(row.id, []).append(theme_names[row.theme_id])
    platforms = repository.public_platforms(session, list(people))
    return [
        Candidate(
            id=person_id,
            display_name=row.display_name,
            department_id=row.department_id,
            department_name=row.department_name,
            languages=tuple(code for code in row.languages.split(",") if code),
            themes=tuple(sorted(themes[person_id])),
            platforms=tuple(sorted(platforms.get(person_id, set()))),
        )
        for person_id, row in people.items()
    ]


def _department(candidate: Candidate, slugs: dict[str, str]) -> TaxonomyRef | None:
    if candidate.department_id is None:
        return None
    return TaxonomyRef(
        id=candidate.department_id,
        slug=slugs.get(candidate.department_id, ""),
        name=candidate.department_name or "",
    )


def suggest(session: Session, network: Network) -> SuggestionList:
    themes = NetworkRepository.from_session(session).themes_of([network.id]).get(network.id, [])
    if not themes:
        return SuggestionList(items=[])
    profile = _profile(session, network, [t.slug for t in themes])
    ranked = rank(_candidates(session, network, {t.id: t.name for t in themes}), profile)
    pending = MembershipRepository.from_session(session).statuses_in(network.id)
    slugs = repository.department_slugs(session, [s.candidate.department_id for s in ranked])
    return SuggestionList(
        items=[
            SuggestionRead(
                ambassador=SuggestedPerson(
                    id=s.candidate.id,
                    display_name=s.candidate.display_name,
                    department=_department(s.candidate, slugs),
                ),
                score=s.score,
                reasons=[SuggestionReason(kind=r.kind, detail=r.detail) for r in s.reasons],
                text=s.text,
                membership_status=pending.get(s.candidate.id),
            )
            for s in ranked
        ]
    )
