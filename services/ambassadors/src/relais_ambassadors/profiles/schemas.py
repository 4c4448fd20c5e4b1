from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator
from relais_common.schemas import RequestModel
from relais_common.text import clean_text

from relais_ambassadors.validation import ISO_639_1, clean_name


class ProfileUpdate(RequestModel):
    """Only the fields sent are changed. Text is stored as plain text, never as HTML."""

    display_name: str | None = Field(None, max_length=120)
    job_title: str | None = Field(None, max_length=120)
    department_id: str | None = Field(None, max_length=64)
    location: str | None = Field(None, max_length=120)
    languages: list[str] | None = Field(None, max_length=10, examples=[["fr", "en"]])
    bio: str | None = Field(None, max_length=600)
    theme_ids: list[str] | None = Field(None, max_length=10)
    locale: Literal["fr", "en"] | None = None

    @field_validator("display_name")
    @classmethod
    def _name(cls, value: str | None) -> str | None:
        return None if value is None else clean_name(value)

    @field_validator("job_title", "location")
    @classmethod
    def _line(cls, value: str | None) -> str | None:
        return None if value is None else clean_text(value)

    @field_validator("bio")
    @classmethod
    def _bio(cls, value: str | None) -> str | None:
        return None if value is None else clean_text(value, multiline=True)

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: list[str] | None) -> list[str] | None:
        if value is None:
            return None
        codes = [code.strip().lower() for code in value]
        unknown = [code for code in codes if code not in ISO_639_1]
        if unknown:
            raise ValueError(
                f"Use two-letter ISO 639-1 codes such as fr, en, de; not {', '.join(unknown)}."
            )
        return list(dict.fromkeys(codes))
