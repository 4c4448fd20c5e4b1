"""Suggestions of ambassadors for a network: for its committee and the core team."""

from __future__ import annotations

from relais_common.db import DbSession

from relais_ambassadors.networks.access import CommitteeOf
from relais_ambassadors.problems import api_router
from relais_ambassadors.suggestions import service
from relais_ambassadors.suggestions.schemas import SuggestionList

router = api_router("suggestions")


@router.get("/networks/{slug}/suggestions", response_model=SuggestionList, name="list")
def list_suggestions(access: CommitteeOf, session: DbSession) -> SuggestionList:
    """Confirmed ambassadors who are not members yet, best first (at most 50): shared themes,
    presence on the platforms where the themes' audiences are, languages the network does
    not speak yet, departments not yet represented; each with its reasons."""
    return service.suggest(session, access.network)
