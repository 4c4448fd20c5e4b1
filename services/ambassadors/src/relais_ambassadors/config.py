"""Ambassadors settings: AMBASSADORS_ for its own fields, RELAIS_ for the shared ones."""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import SettingsConfigDict
from relais_common.settings import CommonSettings

DEMO_DOMAIN = "demo.relais.localhost"  # the demo company's e-mail domain (`make run`)


class Settings(CommonSettings):
    model_config = SettingsConfigDict(
        env_prefix="AMBASSADORS_", extra="ignore", populate_by_name=True
    )

    service_name: str = "ambassadors"
    smtp_url: str = Field("", validation_alias=AliasChoices("RELAIS_SMTP_URL"))
    smtp_from: str = Field(
        "Relais <relais@relais.localhost>", validation_alias=AliasChoices("RELAIS_SMTP_FROM")
    )
    mail_poll_seconds: float = Field(5.0, validation_alias=AliasChoices("RELAIS_MAIL_POLL_SECONDS"))
    public_base_url: str = Field(
        "http://127.0.0.1:8000", validation_alias=AliasChoices("RELAIS_PUBLIC_URL")
    )
    admin_email: str = Field("", validation_alias=AliasChoices("RELAIS_ADMIN_EMAIL"))
    admin_password: str = Field("", validation_alias=AliasChoices("RELAIS_ADMIN_PASSWORD"))
    # The first admin's profile language: the SPA switches to it when they sign in.
    admin_locale: Literal["fr", "en"] = Field(
        "fr", validation_alias=AliasChoices("RELAIS_ADMIN_LOCALE")
    )
    # E-mail domains whose people may sign up by themselves (comma-separated); empty: by
    # invitation only. Unset in development: the demo company's domain.
    signup_domains: str | None = Field(None, validation_alias=AliasChoices("RELAIS_SIGNUP_DOMAINS"))
    verification_hours: int = 48  # how long a "confirm your address" link works
    verification_max_per_hour: int = 3  # sign-up mails (links, notices) to one address per hour
    invitation_days: int = 14
    reset_minutes: int = 60  # how long a password reset link works
    reset_max_per_hour: int = 3  # reset links sent to one address per hour
    # Wrong passwords within the window: per address from one client (an attacker slows only
    # himself), per client over all addresses, and a far higher ceiling per address that stops
    # a distributed attack (the owner is told by mail when a lock happens).
    login_window_seconds: int = 15 * 60
    login_max_per_client: int = 5
    login_max_per_ip: int = 20
    login_max_per_email: int = 100
    # "fast" makes argon2 cheap for test suites; refused in production.
    password_hashing: Literal["standard", "fast"] = "standard"  # noqa: S105 - not a secret

    @property
    def allowed_signup_domains(self) -> frozenset[str]:
        if self.signup_domains is None:
            return frozenset({DEMO_DOMAIN}) if self.env == "development" else frozenset()
        return frozenset(d.strip().lower().lstrip("@") for d in self.signup_domains.split(",")) - {
            ""
        }

    @model_validator(mode="after")
    def _refuse_fast_hashing(self) -> Settings:
        if self.env == "production" and self.password_hashing != "standard":  # noqa: S105
            raise ValueError("AMBASSADORS_PASSWORD_HASHING=fast is for tests only")
        return self
