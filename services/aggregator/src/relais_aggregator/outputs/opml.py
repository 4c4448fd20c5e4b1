"""OPML of people's feeds, and a follow list Mastodon imports (Settings → Import and export)."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from email.utils import format_datetime

from relais_aggregator.outputs.feeds import xml_attr, xml_text
from relais_aggregator.readmodel.schemas import PublicPerson

# Mastodon's own export header ("Following list"); its importer reads the first column.
FOLLOW_HEADER = ["Account address", "Show boosts", "Notify on new posts", "Languages"]


def opml(people: list[PublicPerson], *, title: str, generated_at: datetime) -> bytes:
    """OPML 2.0: one outline per consented feed of each person."""
    outlines = []
    for person in people:
        for account in person.accounts:
            if not account.feed_url:
                continue
            text = f"{person.display_name} ({account.platform})"
            outlines.append(
                f'<outline type="rss" text={xml_attr(text)} title={xml_attr(text)} '
                f"xmlUrl={xml_attr(account.feed_url)} htmlUrl={xml_attr(account.profile_url)}/>"
            )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0"><head>'
        f"<title>{xml_text(title)}</title>"
        f"<dateCreated>{format_datetime(generated_at, usegmt=True)}</dateCreated></head>\n"
        "<body>\n" + "\n".join(outlines) + "\n</body></opml>\n"
    ).encode()


def mastodon_address(handle: str) -> str | None:
    """ "@ada@example.social" → "ada@example.social"; anything else is not importable."""
    parts = handle.strip().lstrip("@").split("@")
    if len(parts) != 2 or not all(parts) or any(c in handle for c in ', \n\r\t"'):
        return None
    return f"{parts[0]}@{parts[1]}"


def follow_list(people: list[PublicPerson]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FOLLOW_HEADER)
    seen: set[str] = set()
    for person in people:
        for account in person.accounts:
            address = mastodon_address(account.handle) if account.platform == "mastodon" else None
            if address and address.lower() not in seen:
                seen.add(address.lower())
                writer.writerow([address, "true", "false", ""])
    return out.getvalue().encode()
