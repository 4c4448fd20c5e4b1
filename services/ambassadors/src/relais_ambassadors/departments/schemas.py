from __future__ import annotations

from pydantic import BaseModel, Field, field_validator

from relais_ambassadors.validation import clean_name


class DepartmentCreate(BaseModel):
    name: str = Field(max_length=120, examples=["R&D"])

    _name = field_validator("name")(clean_name)


class DepartmentUpdate(BaseModel):
    name: str | None = Field(None, max_length=120)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str | None) -> str | None:
        return None if value is None else clean_name(value)
