from __future__ import annotations

from datetime import datetime
from typing import Literal

from relais_common.schemas import RequestModel

from relais_ambassadors.schemas import ORMModel


class ConsentRead(ORMModel):
    id: str
    scope: Literal["listing", "account", "posts"]
    account_id: str | None
    platform: str | None
    handle: str | None
    granted: bool
    charter_version: int | None
    actor: Literal["self", "admin"]
    created_at: datetime


class ConsentChange(RequestModel):
    public: bool
