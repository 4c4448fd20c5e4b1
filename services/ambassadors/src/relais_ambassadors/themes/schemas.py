from __future__ import annotations

from functools import partial

from pydantic import Field, field_validator
from relais_common.schemas import RequestModel
from relais_common.text import clean_text

from relais_ambassadors.validation import clean_name


class ThemeCreate(RequestModel):
    name: str = Field(max_length=120, examples=["Cloud security"])
    description: str = Field("", max_length=600)

    _name = field_validator("name")(clean_name)
    _description = field_validator("description")(partial(clean_text, multiline=True))


class ThemeUpdate(RequestModel):
    name: str | None = Field(None, max_length=120)
    description: str | None = Field(None, max_length=600)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str | None) -> str | None:
        return None if value is None else clean_name(value)

    @field_validator("description")
    @classmethod
    def _description(cls, value: str | None) -> str | None:
        return None if value is None else clean_text(value, multiline=True)


class MergeRequest(RequestModel):
    into_id: str = Field(max_length=64)
