"""Which platforms a network should use, ranked, from what exists (an audit) and a table.

score = 2 x members publicly present + 2 x external actors present + 3 x the themes'
audience weight there (presence/audiences.py, summed over the network's themes). Every
platform with a score is listed, best first, with the reasons behind its score.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from relais_ambassadors.externals.repository import ExternalRepository
from relais_ambassadors.networks.models import Network
from relais_ambassadors.networks.repository import NetworkRepository
from relais_ambassadors.platforms import PLATFORMS
from relais_ambassadors.presence import repository
from relais_ambassadors.presence.audiences import audiences
from relais_ambassadors.presence.schemas import (
    PlatformRecommendation,
    RecommendationList,
    RecommendationReason,
)

MEMBER_POINTS, EXTERNAL_POINTS, AUDIENCE_POINTS = 2, 2, 3
METHOD = (
    "2 points per member publicly present on the platform, 2 per external actor present, "
    "3 per point of audience weight (1-3) of each of the network's themes there."
)


def _strength(weight: int) -> str:
    return {3: "main audience", 2: "strong audience"}.get(weight, "some audience")


def recommend(
    members_on: dict[str, int],
    members_total: int,
    externals_on: dict[str, int],
    audience: dict[str, dict[str, int]],
    theme_names: dict[str, str],
) -> list[PlatformRecommendation]:
    """Pure: the ranked platforms from the counts and the audience table."""
    out = []
    for platform, info in PLATFORMS.items():
        reasons: list[RecommendationReason] = []
        score = 0
        if members_on.get(platform):
            n = members_on[platform]
            score += MEMBER_POINTS * n
            reasons.append(
                RecommendationReason(kind="members", detail=f"{n} of {members_total} members")
            )
        if externals_on.get(platform):
            n = externals_on[platform]
            score += EXTERNAL_POINTS * n
            reasons.append(RecommendationReason(kind="externals", detail=f"{n} external actors"))
        for slug, weight in sorted(audience.get(platform, {}).items()):
            score += AUDIENCE_POINTS * weight
            name = theme_names.get(slug, slug)
            reasons.append(
                RecommendationReason(kind="audience", detail=f"{name}: {_strength(weight)}")
            )
        if score:
            text = "; ".join(r.detail for r in reasons)
            out.append(
                PlatformRecommendation(
                    platform=platform, label=info.label, score=score, reasons=reasons, text=text
                )
            )
    return sorted(out, key=lambda r: (-r.score, r.platform))


def for_network(session: Session, network: Network) -> RecommendationList:
    themes = NetworkRepository.from_session(session).themes_of([network.id]).get(network.id, [])
    total, members_on = repository.totals(session, network_id=network.id, department_id=None)
    members_total = (
        NetworkRepository.from_session(session).member_counts([network.id]).get(network.id, 0)
    )
    externals_on: dict[str, int] = {}
    for external in ExternalRepository.from_session(session).all_of(
        network.id, consented_only=False, cap=1000
    ):
        for platform in {a["platform"] for a in external.accounts}:
            externals_on[platform] = externals_on.get(platform, 0) + 1
    items = recommend(
        members_on,
        members_total or total,
        externals_on,
        audiences(t.slug for t in themes),
        {t.slug: t.name for t in themes},
    )
    return RecommendationList(items=items, method=METHOD)
