"""Settings base shared by every service: one pydantic-settings class per service on top of it."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = frozenset(
    {"", "change-me", "changeme", "secret", "dev-internal-secret", "dev-session-secret"}
)
MIN_SECRET_LENGTH = 32  # `secrets.token_urlsafe(32)`, what `make run` generates, is 43
DEV_INTERNAL_SECRET = "dev-internal-secret"  # noqa: S105 - refused outside development


def is_placeholder_secret(value: str) -> bool:
    """The one rule, used by every settings class and by `make run`: a known placeholder, one
    that says "change me", or too short to be a long random value."""
    folded = value.strip().lower()
    return (
        folded in PLACEHOLDER_SECRETS
        or "change-me" in folded
        or "changeme" in folded
        or len(folded) < MIN_SECRET_LENGTH
    )


def require_real_secret(variable: str, value: str, where: str = "in production") -> None:
    if is_placeholder_secret(value):
        raise ValueError(
            f"{variable} must be set to a long random value {where} "
            f"(at least {MIN_SECRET_LENGTH} characters, not a placeholder)"
        )


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
    # outgoing fetches of user-given sites (feed discovery) at a time per process, and the
    # total time one may take: beyond the limit, requests get 503 + Retry-After at once
    outgoing_fetch_limit: int = Field(16, ge=1, validation_alias=_shared("OUTGOING_FETCH_LIMIT"))
    outgoing_fetch_timeout: float = Field(
        5.0, gt=0, validation_alias=_shared("OUTGOING_FETCH_TIMEOUT")
    )
    run_workers: bool = Field(True, validation_alias=_shared("RUN_WORKERS"))
    # freeze what start-up made out of the garbage collector's sight (relais_common.memory)
    gc_freeze: bool = Field(True, validation_alias=_shared("GC_FREEZE"))
    # the hottest GET routes answered by their fast reads (relais_common.fastpath); false sends
    # every request through its FastAPI route (same answers, slower)
    fast_reads: bool = Field(True, validation_alias=_shared("FAST_READS"))
    database_url: str = ""

    service_name: str = "relais"

    @model_validator(mode="after")
    def _refuse_placeholders(self) -> CommonSettings:
        if self.env == "production":
            require_real_secret("RELAIS_INTERNAL_SECRET", self.internal_secret)
        return self

    def sqlite_default(self) -> str:
        return f"sqlite:///{self.var_dir / (self.service_name + '.db')}"

    @property
    def effective_database_url(self) -> str:
        return self.database_url or self.sqlite_default()
