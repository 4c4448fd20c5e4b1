"""The person's rights: a copy of everything held about them, and erasure.

What each noun holds is registered by the noun itself (``<noun>/privacy.py``, imported below);
the registry exports and erases it, and a test fails when a table is covered by none.
"""

from __future__ import annotations

from typing import Any

from relais_common.db import utcnow
from relais_common.errors import Forbidden
from sqlalchemy.orm import Session

import relais_ambassadors.accounts.privacy
import relais_ambassadors.admin.privacy
import relais_ambassadors.consents.privacy
import relais_ambassadors.cycle.privacy
import relais_ambassadors.externals.privacy
import relais_ambassadors.invitations.privacy
import relais_ambassadors.mail.privacy
import relais_ambassadors.memberships.privacy
import relais_ambassadors.networks.privacy
import relais_ambassadors.password_resets.privacy
import relais_ambassadors.social_accounts.privacy
import relais_ambassadors.themes.privacy  # noqa: F401 - the imports above register each noun
from relais_ambassadors import outbox
from relais_ambassadors.accounts.passwords import verify_password
from relais_ambassadors.models import Ambassador, as_dict, events
from relais_ambassadors.privacy.repository import (
    REGISTRY,
    delete_person,
    events_eraser,
    published_events,
)
from relais_ambassadors.views import me_view


def _stored_profile(session: Session, person: Ambassador) -> dict[str, Any]:
    raw = as_dict(person)
    raw.pop("password_hash")
    return raw


def _profile(session: Session, person: Ambassador) -> dict[str, Any]:
    return me_view(session, person).model_dump(mode="json")


REGISTRY.register("profile", tables=["ambassador"], export=_profile)
REGISTRY.register(
    "stored_profile", tables=["ambassador"], export=_stored_profile, erase=delete_person, order=100
)
# Past events name the person; the erasure event itself stays so that consumers forget them.
REGISTRY.register(
    "published_events",
    tables=[events.outbox.name],
    export=published_events,
    erase=events_eraser(outbox.AmbassadorErased.event_type),
    order=90,
)


def export(session: Session, person: Ambassador) -> dict[str, Any]:
    header = {"service": "ambassadors", "exported_at": utcnow().isoformat()}
    return header | REGISTRY.export(session, person)


def erase(session: Session, person: Ambassador, password: str) -> None:
    """Delete every row about the person; their past events are deleted too.

    The erasure event is written first so that it has the highest id: SQLite may reuse the
    ids of deleted last rows, and a consumer must never miss the erasure.
    """
    if not verify_password(person.password_hash, password):
        raise Forbidden("The password is wrong; nothing was erased.")
    outbox.emit(session, outbox.AmbassadorErased(id=person.id))
    REGISTRY.erase(session, person)
