"""Aggregator settings: AGGREGATOR_ for its own fields, RELAIS_ for the shared ones."""

from __future__ import annotations

from pydantic import AliasChoices, Field
from pydantic_settings import SettingsConfigDict
from relais_common.settings import CommonSettings


class Settings(CommonSettings):
    model_config = SettingsConfigDict(
        env_prefix="AGGREGATOR_", extra="ignore", populate_by_name=True
    )

    service_name: str = "aggregator"
    ambassadors_url: str = Field(
        "http://127.0.0.1:8101", validation_alias=AliasChoices("RELAIS_AMBASSADORS_URL")
    )
    event_poll_seconds: float = Field(
        2.0, validation_alias=AliasChoices("RELAIS_EVENT_POLL_SECONDS")
    )
    company_name: str = Field(
        "Relais demo company", validation_alias=AliasChoices("RELAIS_COMPANY_NAME")
    )
    # The public Planet's branding and links (README, "The public Planet").
    company_logo_url: str = ""  # same-origin path or https URL of an image; empty: no logo
    company_logo_svg: str = ""  # inline SVG markup, shown as an image (its scripts never run)
    company_color: str = Field("#1f4e79", pattern=r"^#[0-9a-fA-F]{6}$")
    company_accent_color: str = Field("#b3541e", pattern=r"^#[0-9a-fA-F]{6}$")
    public_base_url: str = Field(
        "http://127.0.0.1:8000", validation_alias=AliasChoices("RELAIS_PUBLIC_URL")
    )

    # Feeds (PLANET-FETCH): the polite fetcher's limits and the image proxy.
    company_url: str = Field(
        "https://example.com", validation_alias=AliasChoices("RELAIS_COMPANY_URL")
    )
    feed_timeout_seconds: float = Field(20.0, gt=0)  # a whole fetch, redirects and body included
    feed_max_bytes: int = Field(5 * 1024 * 1024, ge=1024)  # read and decompressed
    feed_concurrency: int = Field(100, ge=1)
    feed_per_host: int = Field(8, ge=1)
    feed_min_interval_seconds: int = Field(15 * 60, ge=1)
    feed_max_interval_seconds: int = Field(24 * 3600, ge=1)
    feed_max_backoff_seconds: int = Field(2 * 24 * 3600, ge=1)
    feed_max_items: int = Field(50, ge=1)
    feed_batch: int = Field(200, ge=1)  # feeds one worker leases per round
    feed_lease_seconds: int = Field(120, ge=10)
    feed_poll_seconds: float = Field(30.0, gt=0)
    image_max_bytes: int = Field(2 * 1024 * 1024, ge=1024)
    image_cache_entries: int = Field(256, ge=0)

    @property
    def feed_user_agent(self) -> str:
        return f"Relais/0.1 feed fetcher (+{self.company_url})"
