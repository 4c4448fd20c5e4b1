"""Settings base shared by every service: one pydantic-settings class per service on top of it."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = frozenset({"", "change-me", "dev-internal-secret", "dev-session-secret"})
DEV_INTERNAL_SECRET = "dev-internal-secret"  # noqa: S105 - refused outside development


def _shared(name: str) -> AliasChoices:
    """Settings shared by all services are read from the RELAIS_ prefix."""
    return AliasChoices(f"RELAIS_{name}")


class CommonSettings(BaseSettings):
    """Fields every service has. Subclasses set ``env_prefix`` for their own fields."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    env: Literal["development", "test", "production"] = Field(
        "development", validation_alias=_shared("ENV")
    )
    var_dir: Path = Field(Path("var"), validation_alias=_shared("VAR_DIR"))
    internal_secret: str = Field(DEV_INTERNAL_SECRET, validation_alias=_shared("INTERNAL_SECRET"))
    log_level: str = Field("INFO", validation_alias=_shared("LOG_LEVEL"))
    log_json: bool = Field(True, validation_alias=_shared("LOG_JSON"))
    ssrf_allowed_networks: str = Field("", validation_alias=_shared("SSRF_ALLOWED_NETWORKS"))
    run_workers: bool = Field(True, validation_alias=_shared("RUN_WORKERS"))
    database_url: str = ""

    service_name: str = "relais"

    @model_validator(mode="after")
    def _refuse_placeholders(self) -> CommonSettings:
        if self.env == "production" and self.internal_secret in PLACEHOLDER_SECRETS:
            raise ValueError(
                "RELAIS_INTERNAL_SECRET must be set to a long random value in production"
            )
        return self

    def sqlite_default(self) -> str:
        return f"sqlite:///{self.var_dir / (self.service_name + '.db')}"

    @property
    def effective_database_url(self) -> str:
        return self.database_url or self.sqlite_default()
