"""Gateway settings: GATEWAY_ for its own fields, RELAIS_ for the shared ones."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import SettingsConfigDict
from relais_common.settings import CommonSettings, require_real_secret

DEV_SESSION_SECRET = "dev-session-secret"  # noqa: S105 - refused outside development
SERVICES = ("ambassadors", "editorial", "aggregator")


def _shared(name: str) -> AliasChoices:
    return AliasChoices(f"RELAIS_{name}")


def default_spa_dir() -> Path:
    """<repo>/frontend/dist, found from the package (editable install) or the working dir."""
    from_package = Path(__file__).resolve().parents[4] / "frontend" / "dist"
    if from_package.parent.is_dir():
        return from_package
    return Path.cwd() / "frontend" / "dist"


class GatewaySettings(CommonSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore", populate_by_name=True)

    service_name: str = "gateway"
    host: str = Field("127.0.0.1", validation_alias=_shared("HOST"))
    port: int = Field(8000, validation_alias=_shared("PORT"))
    ambassadors_url: str = Field(
        "http://127.0.0.1:8101", validation_alias=_shared("AMBASSADORS_URL")
    )
    editorial_url: str = Field("http://127.0.0.1:8102", validation_alias=_shared("EDITORIAL_URL"))
    aggregator_url: str = Field("http://127.0.0.1:8103", validation_alias=_shared("AGGREGATOR_URL"))
    session_secret: str = Field(DEV_SESSION_SECRET, validation_alias=_shared("SESSION_SECRET"))
    spa_dir: Path = Field(default_factory=default_spa_dir, validation_alias=_shared("SPA_DIR"))

    access_token_seconds: int = 3600
    session_seconds: int = 12 * 3600
    connect_timeout: float = 2.0
    request_timeout: float = 30.0
    # Circuit breaker: /livez of each service every health_interval s, failed after health_timeout.
    health_interval: float = 0.5
    health_timeout: float = 0.8
    health_failures: int = 3  # failed probes in a row before a service is marked down
    max_body_bytes: int = 5 * 1024 * 1024
    # Edge bounds: the whole body within body_timeout s of the request (408 after), at most
    # max_connections open connections (503 beyond), idle keep-alive connections closed after
    # keepalive_seconds.
    body_timeout: float = 5.0
    max_connections: int = 1000
    keepalive_seconds: int = 5
    pool_size: int = 100
    # Per client IP: the whole /api, and the credential endpoints (login, token).
    api_rate_per_second: float = 20.0
    api_burst: int = 100
    auth_rate_per_minute: float = 10.0
    auth_burst: int = 10
    # The micro-cache of anonymous public answers (microcache.py): this many MB at most (0: off),
    # each kept for the service's s-maxage but never longer than public_cache_seconds.
    public_cache_mb: float = 32.0
    public_cache_seconds: float = 10.0
    # Behind a trusted reverse proxy (ingress), take client IP and scheme from X-Forwarded-*.
    trust_forwarded: bool = False
    access_log: bool = True
    openapi_cache_seconds: float = 30.0
    # Standing of signed-in people (erased, suspended, signed out everywhere, roles): asked of
    # ambassadors, kept this long, for at most this many people.
    identity_cache_seconds: float = 5.0
    identity_cache_size: int = 10_000
    identity_timeout: float = 2.0

    @model_validator(mode="after")
    def _refuse_placeholder_session_secret(self) -> GatewaySettings:
        if self.env != "development":
            require_real_secret("RELAIS_SESSION_SECRET", self.session_secret, "outside development")
        return self

    def service_urls(self) -> dict[str, str]:
        return {
            "ambassadors": self.ambassadors_url.rstrip("/"),
            "editorial": self.editorial_url.rstrip("/"),
            "aggregator": self.aggregator_url.rstrip("/"),
        }
