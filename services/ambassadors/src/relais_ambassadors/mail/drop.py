"""Without SMTP, outside production: each message in full, one file in `var/mail/` (mode 600).

The admin mailbox keeps a copy with the secret links redacted, so nobody reads another person's
reset, verification or invitation link there; the person running the stack on their own machine
opens their link from these files (or prints them: `cat var/mail/*.eml`).
"""

from __future__ import annotations

import logging
import os
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

log = logging.getLogger("relais.ambassadors.mail")


def drop_dir(var_dir: Path) -> Path:
    return var_dir / "mail"


def write(
    var_dir: Path,
    *,
    message_id: str,
    created_at: datetime,
    headers: dict[str, str],
    body: str,
) -> Path:
    """Plain UTF-8 text (no transfer encoding), so a link reads and copies whole."""
    folder = drop_dir(var_dir)
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    path = folder / f"{created_at:%Y%m%dT%H%M%S%f}-{message_id}.eml"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # already written (a row stored, set pending, stored again)
        return path
    lines = [f"{name}: {value}" for name, value in headers.items()]
    lines += [
        f"Date: {format_datetime(created_at)}",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n\n" + body)
    log.info("no SMTP server: mail to %s written to %s", headers.get("To"), path)
    return path


def read(var_dir: Path) -> list[EmailMessage]:
    """Every dropped message, newest first (for tests and tools)."""
    folder = drop_dir(var_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.eml"), reverse=True):
        parsed = message_from_bytes(path.read_bytes(), policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        found.append(parsed)
    return found
