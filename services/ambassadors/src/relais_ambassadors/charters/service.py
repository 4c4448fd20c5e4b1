"""The charter: versioned markdown; a new version puts everyone back to pending."""

from __future__ import annotations

from markdown_it import MarkdownIt
from relais_common.errors import Conflict, NotFound
from relais_common.sanitize import clean_html
from sqlalchemy.orm import Session

from relais_ambassadors.charters import repository
from relais_ambassadors.models import Ambassador, Charter
from relais_ambassadors.publication import current_charter_version, republish, republish_all

_markdown = MarkdownIt("commonmark", {"html": False})


def render(markdown: str) -> str:
    return clean_html(_markdown.render(markdown))


def current(session: Session) -> Charter:
    version = current_charter_version(session)
    charter = repository.by_version(session, version) if version else None
    if charter is None:
        raise NotFound("No charter has been published yet.")
    return charter


def history(session: Session) -> list[Charter]:
    return repository.history(session)


def publish(session: Session, *, title: str, body_markdown: str) -> Charter:
    version = (current_charter_version(session) or 0) + 1
    charter = Charter(
        version=version,
        title=title.strip(),
        body_markdown=body_markdown,
        body_html=render(body_markdown),
    )
    session.add(charter)
    session.flush()
    # Everyone listed is now pending until they accept this version: unlist them.
    republish_all(session, repository.listed_people(session))
    return charter


def accept(session: Session, person: Ambassador, version: int) -> None:
    current_version = current_charter_version(session)
    if current_version is None or version != current_version:
        raise Conflict(
            f"Version {version} is not the current charter"
            + (f" (the current one is {current_version})." if current_version else ".")
        )
    if person.accepted_charter_version != version:
        person.accepted_charter_version = version
        person.version += 1
    republish(session, person, current_version)
