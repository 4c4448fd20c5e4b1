"""Pre-rendered public outputs: bytes, gzip variants and strong ETags, rebuilt on change only.

Requests never touch the database or the templates: they pick bytes from the current
:class:`Rendered`, an immutable object swapped in one assignment after the consumer applied
events. Each replica consumes and renders for itself; a cheap fingerprint (the event cursor,
the feed items' and moderation's counters) tells a replica whether anything shown moved (also
when another replica or the fetcher sharing the database moved it).
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime

from relais_common.db import utcnow
from relais_common.events import EventTables
from sqlalchemy.orm import Session, sessionmaker

from relais_aggregator.consumer import SOURCE
from relais_aggregator.feeds.images import ImageTokens
from relais_aggregator.outputs.schemas import Planet
from relais_aggregator.outputs.snapshot import fingerprint, load_planet
from relais_aggregator.pages.brand import Brand
from relais_aggregator.pages.render import Rendered, render_all
from relais_aggregator.readmodel.repository import cursor_position


def _content(planet: Planet) -> dict[str, object]:
    return planet.model_dump(exclude={"directory": {"generated_at"}})


class PublicPages:
    """The render cache kept on ``app.state.pages``."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        tables: EventTables,
        brand: Brand,
        *,
        image_tokens: ImageTokens,
        catching_up: bool = False,
    ) -> None:
        self._sessions = sessions
        self._image_tokens = image_tokens
        self._tables = tables
        self.brand = brand
        self._rendered: Rendered | None = None
        self._lock = threading.Lock()
        self._caught_up = threading.Event()
        if not catching_up:
            self._caught_up.set()
        self.render_count = 0

    def caught_up(self) -> None:
        """The consumer's first pass after start-up is over (applied, or provider down)."""
        self._caught_up.set()

    def wait_for_catch_up(self, timeout: float) -> bool:
        """Block until the first pass is over, at most `timeout` seconds; True when it is."""
        return self._caught_up.wait(timeout)

    def peek(self) -> Rendered | None:
        return self._rendered

    def current(self) -> Rendered:
        rendered = self._rendered
        if rendered is None:
            self.refresh()
            rendered = self._rendered
        assert rendered is not None
        return rendered

    def refresh(self) -> bool:
        """Re-render if what the outputs show changed since the last render; True when it did."""
        with self._lock, self._sessions() as session:
            now = utcnow()
            position = (
                cursor_position(session, self._tables, SOURCE),
                *fingerprint(session),
                self._image_tokens.window(now),  # a new window re-renders: tokens expire
            )
            previous = self._rendered
            if previous is not None and previous.position == position:
                return False
            planet = _with_image_tokens(load_planet(session, now), self._image_tokens, now)
            if previous is not None and _content(previous.planet) == _content(planet):
                self._rendered = replace(previous, position=position)
                return False
            self._rendered = render_all(planet, position, self.brand)
            self.render_count += 1
            return True


def _with_image_tokens(planet: Planet, tokens: ImageTokens, now: datetime) -> Planet:
    """The posts' stored image marks made tokens the image proxy serves for a while."""
    posts = []
    for post in planet.posts:
        html = tokens.servable(post.summary_html, now, post.id)
        posts.append(
            post if html is post.summary_html else post.model_copy(update={"summary_html": html})
        )
    return planet.model_copy(update={"posts": posts})
