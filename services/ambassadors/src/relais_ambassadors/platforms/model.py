"""The values the platform rules produce, and the error they raise for bad input."""

from __future__ import annotations

from dataclasses import dataclass

from relais_common.errors import InvalidInput


@dataclass(frozen=True)
class PlatformInfo:
    """What the SPA needs to offer a platform: its label, an input hint, whether feeds exist."""

    id: str
    label: str
    placeholder: str
    has_feed: bool


@dataclass(frozen=True)
class NormalisedAccount:
    """One account in canonical form: two pastes of the same account give equal values."""

    platform: str
    handle: str
    profile_url: str
    feed_url: str | None


class InvalidHandle(InvalidInput):
    """A 422 on the field ``value``; the message says what is expected, with an example."""

    def __init__(self, message: str) -> None:
        super().__init__(message, errors=[{"field": "value", "message": message}])
