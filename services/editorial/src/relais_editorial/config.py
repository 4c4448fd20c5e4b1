"""Editorial settings: EDITORIAL_ for its own fields, RELAIS_ for the shared ones."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from pydantic import AliasChoices, Field
from pydantic_settings import SettingsConfigDict
from relais_common.settings import CommonSettings

DISCLOSURE_PREFIX = "#JeTravailleChez"


class Settings(CommonSettings):
    model_config = SettingsConfigDict(
        env_prefix="EDITORIAL_", extra="ignore", populate_by_name=True
    )

    service_name: str = "editorial"
    ambassadors_url: str = Field(
        "http://127.0.0.1:8101", validation_alias=AliasChoices("RELAIS_AMBASSADORS_URL")
    )
    event_poll_seconds: float = Field(
        2.0, validation_alias=AliasChoices("RELAIS_EVENT_POLL_SECONDS")
    )
    # the aggregator reads the same RELAIS_COMPANY_NAME for its public page
    company_name: str = Field(
        "Relais demo company",
        validation_alias=AliasChoices("EDITORIAL_COMPANY_NAME", "RELAIS_COMPANY_NAME"),
    )

    @property
    def default_disclosure(self) -> str:
        """“#JeTravailleChez” + the company's name in CamelCase: a network may write its own."""
        words = "".join(ch if ch.isalnum() else " " for ch in self.company_name).split()
        return DISCLOSURE_PREFIX + "".join(w[:1].upper() + w[1:] for w in words)


async def app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


EditorialSettings = Annotated[Settings, Depends(app_settings)]
