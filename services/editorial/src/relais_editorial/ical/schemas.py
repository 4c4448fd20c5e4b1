from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from relais_common.schemas import RequestModel
from relais_common.text import clean_text


class FeedCreate(RequestModel):
    label: Annotated[
        str, Field(max_length=100), AfterValidator(lambda v: clean_text(v).strip())
    ] = Field("", description="To tell your subscriptions apart (e.g. 'phone').")


class FeedRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    network_id: str
    label: str
    created_at: datetime


class FeedCreated(FeedRead):
    token: str = Field(description="Shown once: only its hash is kept.")
    url_path: str = Field(description="Subscribe to this path on Relais' public address.")


class FeedList(BaseModel):
    items: list[FeedRead]
