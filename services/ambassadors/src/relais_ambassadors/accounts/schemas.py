from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, field_validator
from relais_common.schemas import RequestModel

from relais_ambassadors.validation import clean_name, normalise_email


class SignupRequest(RequestModel):
    email: str = Field(max_length=254, examples=["jane.doe@example.com"])
    password: str = Field(min_length=10, max_length=200)
    display_name: str = Field(max_length=120)
    locale: Literal["fr", "en"] = "fr"

    _email = field_validator("email")(normalise_email)
    _name = field_validator("display_name")(clean_name)


class SignupAccepted(BaseModel):
    detail: str


class AuthCheckRequest(RequestModel):
    email: str = Field(max_length=254)
    password: str = Field(max_length=200)
    client_ip: str = Field("", max_length=64)


class AuthCheckResult(BaseModel):
    user_id: str
    roles: list[str]


class PasswordChange(RequestModel):
    current_password: str = Field(max_length=200)
    new_password: str = Field(min_length=10, max_length=200)
