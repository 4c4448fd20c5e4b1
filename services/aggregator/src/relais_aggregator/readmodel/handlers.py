"""Handlers for the ambassadors' events. Each one is idempotent: replaying changes nothing."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from relais_common.events import Handler
from sqlalchemy.orm import Session

from relais_aggregator import privacy
from relais_aggregator.feeds import service as feeds
from relais_aggregator.readmodel import repository
from relais_aggregator.readmodel.payloads import (
    AmbassadorPublic,
    NetworkChanged,
    PersonRef,
    ThemeChanged,
    ThemeMerged,
)
from relais_aggregator.readmodel.repository import PublicPersonRepository, PublicThemeRepository

log = logging.getLogger("relais.aggregator.events")
M = TypeVar("M", bound=BaseModel)


def _parse(model: type[M], event: dict[str, Any]) -> M | None:
    """A malformed event is logged and skipped: it must never block the whole feed."""
    try:
        return model.model_validate(event.get("payload") or {})
    except ValidationError as exc:
        log.warning("skipping malformed %s event %s: %s", event.get("type"), event.get("id"), exc)
        return None


def _event_time(event: dict[str, Any]) -> datetime:
    try:
        moment = datetime.fromisoformat(str(event["created_at"]))
    except (KeyError, ValueError):
        return datetime(1970, 1, 1, tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def on_ambassador_public(session: Session, event: dict[str, Any]) -> None:
    person = _parse(AmbassadorPublic, event)
    if person is not None:
        PublicPersonRepository.from_session(session).replace(person, _event_time(event))
        wanted = [
            feeds.WantedFeed(a.platform, a.handle, a.feed_url)
            for a in person.valid_accounts()
            if a.feed_url
        ]
        feeds.sync_person(session, person.id, wanted)


def _person_id(event: dict[str, Any]) -> str:
    ref = _parse(PersonRef, event)
    return ref.id if ref is not None else str(event.get("aggregate_id") or "")


def on_ambassador_unlisted(session: Session, event: dict[str, Any]) -> None:
    """The person leaves the public page entirely."""
    if person_id := _person_id(event):
        repository.forget_person(session, person_id)
        feeds.forget_person(session, person_id)


def on_ambassador_erased(session: Session, event: dict[str, Any]) -> None:
    """Everything this service registered about the person is erased."""
    if person_id := _person_id(event):
        privacy.REGISTRY.erase(session, person_id)


def on_theme_changed(session: Session, event: dict[str, Any]) -> None:
    theme = _parse(ThemeChanged, event)
    if theme is not None:
        PublicThemeRepository.from_session(session).upsert(theme)


def on_theme_merged(session: Session, event: dict[str, Any]) -> None:
    merged = _parse(ThemeMerged, event)
    if merged is not None:
        PublicThemeRepository.from_session(session).merge(merged)


def on_network_changed(session: Session, event: dict[str, Any]) -> None:
    network = _parse(NetworkChanged, event)
    if network is not None:
        repository.PublicNetworkRepository.from_session(session).upsert(network)


HANDLERS: dict[str, Handler] = {
    "ambassador.public": on_ambassador_public,
    "ambassador.unlisted": on_ambassador_unlisted,
    "ambassador.erased": on_ambassador_erased,
    "theme.changed": on_theme_changed,
    "theme.merged": on_theme_merged,
    "network.changed": on_network_changed,
}
