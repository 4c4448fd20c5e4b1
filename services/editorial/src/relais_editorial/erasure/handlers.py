"""Consumes the ambassadors' events: erasure makes this service forget the person."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.orm import Session

log = logging.getLogger("relais.editorial.erasure")


def on_ambassador_erased(session: Session, event: dict[str, Any]) -> None:
    # Editorial holds no personal data yet; shares and authorship will be deleted here.
    log.info("forgetting ambassador %s", event["aggregate_id"])


HANDLERS = {"ambassador.erased": on_ambassador_erased}
