"""Ambassadors settings: AMBASSADORS_ for its own fields, RELAIS_ for the shared ones."""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import SettingsConfigDict
from relais_common.settings import CommonSettings


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
    invitation_days: int = 14
    reset_minutes: int = 60  # how long a password reset link works
    reset_max_per_hour: int = 3  # reset links sent to one address per hour
    login_window_seconds: int = 15 * 60
    login_max_per_email: int = 5
    login_max_per_ip: int = 20
    # "fast" makes argon2 cheap for test suites; refused in production.
    password_hashing: Literal["standard", "fast"] = "standard"  # noqa: S105 - not a secret

    @model_validator(mode="after")
    def _refuse_fast_hashing(self) -> Settings:
        if self.env == "production" and self.password_hashing != "standard":  # noqa: S105
            raise ValueError("AMBASSADORS_PASSWORD_HASHING=fast is for tests only")
        return self
