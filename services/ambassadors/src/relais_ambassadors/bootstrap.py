"""`python -m relais_ambassadors.bootstrap`: migrate, ensure the first admin and charter.

Idempotent. The admin comes from RELAIS_ADMIN_EMAIL / RELAIS_ADMIN_PASSWORD, else
admin@relais.localhost with a generated password printed once and kept in
var/admin-password.txt (mode 600); their language from RELAIS_ADMIN_LOCALE (when created).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from relais_common.db import make_engine, make_sessionmaker
from relais_common.migrations import upgrade
from sqlalchemy.orm import Session

from relais_ambassadors import charter_text
from relais_ambassadors.accounts.passwords import hash_password, verify_password
from relais_ambassadors.accounts.service import create_account
from relais_ambassadors.accounts.verification import mark_verified
from relais_ambassadors.charters.service import publish
from relais_ambassadors.config import Settings
from relais_ambassadors.people import by_email
from relais_ambassadors.publication import current_charter_version

SERVICE_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ADMIN = "admin@relais.localhost"


def _password_file(settings: Settings) -> Path:
    return settings.var_dir / "admin-password.txt"


def _admin_credentials(settings: Settings) -> tuple[str, str | None]:
    """The e-mail, and the password when known (from the environment or the file)."""
    email = settings.admin_email.strip().lower() or DEFAULT_ADMIN
    if settings.admin_password:
        return email, settings.admin_password
    path = _password_file(settings)
    if path.exists():
        return email, path.read_text().strip()
    return email, None


def _remember(settings: Settings, password: str) -> None:
    path = _password_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(password + "\n")
    path.chmod(0o600)


def ensure_admin(session: Session, settings: Settings) -> str:
    """Create or promote the first admin; returns the credentials line to print."""
    email, password = _admin_credentials(settings)
    person = by_email(session, email)
    if person is None:
        if password is None:
            password = secrets.token_urlsafe(15)
            _remember(settings, password)
        create_account(
            session,
            email=email,
            password=password,
            display_name="Admin",
            locale=settings.admin_locale,
            is_admin=True,
            verified=True,
        )
    else:
        person.is_admin = True
        mark_verified(session, person)  # whoever runs the install vouches for the first admin
        if settings.admin_password and not verify_password(person.password_hash, password or ""):
            person.password_hash = hash_password(settings.admin_password)
    if password is None:
        return f"Admin: {email} / (password unchanged; set RELAIS_ADMIN_PASSWORD to reset it)"
    return f"Admin: {email} / {password}"


def ensure_charter(session: Session) -> None:
    if current_charter_version(session) is None:
        publish(session, title=charter_text.TITLE, body_markdown=charter_text.BODY)


def bootstrap(settings: Settings | None = None) -> str:
    settings = settings or Settings()
    url = settings.effective_database_url
    upgrade(SERVICE_ROOT, url)
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine).begin() as session:
            line = ensure_admin(session, settings)
            ensure_charter(session)
    finally:
        engine.dispose()
    return line


if __name__ == "__main__":
    print(bootstrap())
