"""Editorial tables. The calendar and message grid arrive with their own issue."""

from __future__ import annotations

from relais_common.db import new_metadata
from relais_common.events import EventTables
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    metadata = new_metadata()


events = EventTables(Base.metadata)
