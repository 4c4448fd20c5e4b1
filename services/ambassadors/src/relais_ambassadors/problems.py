"""Every router of this service documents its problem+json answers and shares two guards."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from relais_common.problems import problem_responses, reject_nul_bytes

from relais_ambassadors.people import refuse_erased_or_suspended


def api_router(tag: str) -> APIRouter:
    """Tagged, problems documented, NUL bytes refused, erased sessions refused and suspended
    people kept to their own data."""
    return APIRouter(
        tags=[tag],
        responses=problem_responses(),
        dependencies=[Depends(reject_nul_bytes), Depends(refuse_erased_or_suspended)],
    )
