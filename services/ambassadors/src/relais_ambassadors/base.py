"""The service's one declarative base, apart from models.py so that each noun's models can use it
without importing models.py (which imports every noun to put its tables on the metadata)."""

from __future__ import annotations

from relais_common.db import new_metadata
from sqlalchemy import JSON
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    metadata = new_metadata()


# jsonb on PostgreSQL: plain json has no equality, so SELECT DISTINCT over a row would fail
JSONValue = JSON().with_variant(JSONB(), "postgresql")
