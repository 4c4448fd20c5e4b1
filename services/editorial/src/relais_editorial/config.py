"""Editorial settings: EDITORIAL_ for its own fields, RELAIS_ for the shared ones."""

from __future__ import annotations

from pydantic import AliasChoices, Field
from pydantic_settings import SettingsConfigDict
from relais_common.settings import CommonSettings


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
