"""Consumes the ambassadors' events: erasure makes this service forget the person."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field
from relais_common.events import Handler
from sqlalchemy.orm import Session

from relais_editorial.privacy import REGISTRY

log = logging.getLogger("relais.editorial.erasure")


class PersonRef(BaseModel):
    """What editorial reads from `ambassador.erased` (the contract test checks the schema)."""

    model_config = ConfigDict(extra="ignore")
    id: Annotated[str, Field(min_length=1, max_length=64)]


def on_ambassador_erased(session: Session, event: dict[str, Any]) -> None:
    person = PersonRef.model_validate(event.get("payload") or {"id": event["aggregate_id"]})
    log.info("forgetting ambassador %s", person.id)
    REGISTRY.erase(session, person.id)


HANDLERS: dict[str, Handler] = {"ambassador.erased": on_ambassador_erased}
