"""`python -m relais_ambassadors.demo`: load a realistic demo company (idempotent).

Everything goes through the service layer, so the same events are emitted as in real use
and the aggregator picks the listed people up. Development only.
"""

from __future__ import annotations

import dataclasses
import unicodedata

from relais_common.db import make_engine, make_sessionmaker
from relais_common.ssrf import SSRFGuard
from sqlalchemy.orm import Session

from relais_ambassadors import demo_data
from relais_ambassadors.accounts.passwords import hash_password
from relais_ambassadors.accounts.service import create_account
from relais_ambassadors.bootstrap import DEFAULT_ADMIN, bootstrap
from relais_ambassadors.charters.service import accept
from relais_ambassadors.config import DEMO_DOMAIN, Settings
from relais_ambassadors.consents.service import set_listing
from relais_ambassadors.departments import service as departments
from relais_ambassadors.models import Ambassador
from relais_ambassadors.moderation.service import approve
from relais_ambassadors.networks.demo import load_networks
from relais_ambassadors.people import by_email
from relais_ambassadors.platforms import normalise
from relais_ambassadors.profiles.schemas import ProfileUpdate
from relais_ambassadors.profiles.service import update_profile
from relais_ambassadors.publication import current_charter_version
from relais_ambassadors.social_accounts.service import add
from relais_ambassadors.themes import service as themes

DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 - development data only
DOMAIN = DEMO_DOMAIN


def email_of(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return ".".join(ascii_name.lower().split()) + f"@{DOMAIN}"


def _catalog(session: Session) -> tuple[dict[str, str], list[str]]:
    department_ids = {}
    for name in demo_data.DEPARTMENTS:
        found = departments.find(session, name) or departments.create(session, name=name)
        department_ids[name] = found.id
    theme_ids = []
    open_themes = {t.name: t for t in themes.listing(session, include_archived=True)}
    for name, description in demo_data.THEMES.items():
        theme = open_themes.get(name) or themes.create(session, name=name, description=description)
        theme_ids.append(theme.id)
    return department_ids, theme_ids


def _add_accounts(session: Session, person: Ambassador, spec: str, guard: SSRFGuard) -> None:
    for item in spec.split(","):
        public = not item.startswith("!")
        platform, value = item.lstrip("!").split(":", 1)
        feed = None
        if platform == "blog":
            value, feed = value.split(">", 1)
        account = normalise(platform, value, guard=guard, discover=False)
        if feed:
            account = dataclasses.replace(account, feed_url=feed)
        add(session, person, account, public=public)


@dataclasses.dataclass(frozen=True)
class _Catalog:
    department_ids: dict[str, str]
    theme_ids: list[str]
    password_hash: str  # argon2 is slow on purpose: the shared demo password is hashed once


def _load_person(session: Session, index: int, line: str, catalog: _Catalog) -> bool:
    name, title, dept, city, langs, theme_idx, accounts = line.split("|")
    if by_email(session, email_of(name)) is not None:
        return False
    department_ids, theme_ids = catalog.department_ids, catalog.theme_ids
    person = create_account(
        session,
        email=email_of(name),
        password=DEMO_PASSWORD,
        display_name=name,
        password_hash=catalog.password_hash,
        verified=True,
    )
    first = name.split()[0]
    bio = f"{title} in {city}. {first} writes and speaks about what our teams build."
    changes = ProfileUpdate(
        job_title=title,
        department_id=department_ids[dept],
        location=city,
        languages=langs.split(","),
        bio=bio,
        theme_ids=[theme_ids[int(i)] for i in theme_idx.split(",")],
        locale="fr" if "fr" in langs.split(",") else "en",
    )
    update_profile(session, person, changes)
    accept(session, person, current_charter_version(session) or 1)
    _add_accounts(session, person, accounts, SSRFGuard(""))
    if index not in demo_data.NOT_LISTED:
        set_listing(session, person, True)
        if index not in demo_data.PENDING_MODERATION:
            approve(session, person.id)
    return True


def load_demo(settings: Settings | None = None) -> tuple[str, int]:
    """Bootstrap, then add whoever is missing; returns the admin line and how many were added."""
    settings = settings or Settings()
    admin_line = bootstrap(settings)
    engine = make_engine(settings.effective_database_url)
    created = 0
    try:
        with make_sessionmaker(engine).begin() as session:
            catalog = _Catalog(*_catalog(session), hash_password(DEMO_PASSWORD))
            for index, line in enumerate(demo_data.PEOPLE.strip().splitlines()):
                created += _load_person(session, index, line, catalog)
            admin = by_email(session, settings.admin_email.strip().lower() or DEFAULT_ADMIN)
            if admin is not None:
                load_networks(session, admin.id, email_of)
    finally:
        engine.dispose()
    return admin_line, created


if __name__ == "__main__":
    line, count = load_demo()
    print(line)
    print(f"Demo: {count} ambassadors added; they sign in with {DEMO_PASSWORD}")
