from __future__ import annotations

from pydantic import Field, field_validator
from relais_common.schemas import RequestModel

from relais_ambassadors.validation import clean_name


class DepartmentCreate(RequestModel):
    name: str = Field(max_length=120, examples=["R&D"])

    _name = field_validator("name")(clean_name)


class DepartmentUpdate(RequestModel):
    name: str | None = Field(None, max_length=120)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str | None) -> str | None:
        return None if value is None else clean_name(value)
