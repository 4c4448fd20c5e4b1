"""Pre-rendered public outputs: bytes, gzip variants and strong ETags, rebuilt on change only.

Requests never touch the database or the templates: they pick bytes from the current
:class:`Rendered`, an immutable object swapped in one assignment after the consumer applied
events. Each replica consumes and renders for itself; the cursor position tells a replica
whether the read model moved (also when another replica sharing the database moved it).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
from dataclasses import dataclass, replace

from relais_common.db import utcnow
from relais_common.events import EventTables
from sqlalchemy.orm import Session, sessionmaker

from relais_aggregator.consumer import SOURCE
from relais_aggregator.pages import views
from relais_aggregator.pages.i18n import LANGS, Lang
from relais_aggregator.readmodel.repository import cursor_position
from relais_aggregator.readmodel.schemas import PublicDirectory
from relais_aggregator.readmodel.snapshot import load_directory

HTML = "text/html; charset=utf-8"
JSON = "application/json"


@dataclass(frozen=True)
class Variant:
    body: bytes
    gzipped: bytes
    etag: str
    gzip_etag: str
    media_type: str
    language: str | None = None


def variant(body: bytes, media_type: str, language: str | None = None) -> Variant:
    packed = gzip.compress(body, compresslevel=9, mtime=0)
    return Variant(body, packed, _etag(body), _etag(packed), media_type, language)


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True)
class Rendered:
    position: int
    directory: PublicDirectory
    home: dict[Lang, Variant]
    themes: dict[str, dict[Lang, Variant]]
    not_found: dict[Lang, Variant]
    directory_json: Variant
    theme_json: dict[str, Variant]


def render_all(directory: PublicDirectory, position: int, company: str) -> Rendered:
    def html(text: str, lang: Lang) -> Variant:
        return variant(text.encode(), HTML, lang)

    return Rendered(
        position=position,
        directory=directory,
        home={lang: html(views.home(directory, lang, company), lang) for lang in LANGS},
        themes={
            s.slug: {lang: html(views.theme(s, lang, company), lang) for lang in LANGS}
            for s in directory.themes
        },
        not_found={lang: html(views.not_found(lang, company), lang) for lang in LANGS},
        directory_json=variant(_json(directory.model_dump(mode="json")), JSON),
        theme_json={
            s.slug: variant(_json(s.model_dump(mode="json")), JSON) for s in directory.themes
        },
    )


def _content(directory: PublicDirectory) -> dict[str, object]:
    return directory.model_dump(exclude={"generated_at"})


class PublicPages:
    """The render cache kept on ``app.state.pages``."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        tables: EventTables,
        company: str,
        *,
        catching_up: bool = False,
    ) -> None:
        self._sessions = sessions
        self._tables = tables
        self._company = company
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
        """Re-render if the read model changed since the last render; True when it did."""
        with self._lock, self._sessions() as session:
            position = self._position(session)
            previous = self._rendered
            if previous is not None and previous.position == position:
                return False
            directory = load_directory(session, utcnow())
            if previous is not None and _content(previous.directory) == _content(directory):
                self._rendered = replace(previous, position=position)
                return False
            self._rendered = render_all(directory, position, self._company)
            self.render_count += 1
            return True

    def _position(self, session: Session) -> int:
        return cursor_position(session, self._tables, SOURCE)
