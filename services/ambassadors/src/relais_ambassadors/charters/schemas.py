from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field
from relais_common.schemas import RequestModel

from relais_ambassadors.schemas import ORMModel


class CharterRead(ORMModel):
    version: int
    title: str
    body_markdown: str
    body_html: str
    published_at: datetime


class CharterCreate(RequestModel):
    title: str = Field(min_length=1, max_length=200)
    body_markdown: str = Field(min_length=1, max_length=100_000)


class CharterPreviewRequest(RequestModel):
    body_markdown: str = Field(max_length=100_000)


class CharterPreview(BaseModel):
    body_html: str = Field(description="Exactly what publishing would show: sanitised HTML.")


class CharterAcceptance(RequestModel):
    version: int = Field(ge=1, le=2**31 - 1)
