"""Privacy registrations of contributions, briefs, calendar feeds and preview links.

On erasure: the person's contributions and credits go (entries and briefs made of them stay,
uncredited), their calendar feeds go (the URLs stop working), briefs assigned to them become
unassigned, and preview links they made stay with the network without their name.
"""

from __future__ import annotations

from relais_common.privacy import PrivacyRegistry

from relais_editorial.briefs import service as briefs
from relais_editorial.contributions import service as contributions
from relais_editorial.ical import service as feeds
from relais_editorial.previews import service as previews


def register_extras(registry: PrivacyRegistry[str]) -> None:
    registry.register(
        "contributions",
        tables=["contribution", "entry_credit"],
        export=contributions.export_person,
        erase=contributions.erase_person,
    )
    registry.register(
        "briefs", tables=["brief"], export=briefs.export_person, erase=briefs.erase_person
    )
    registry.register(
        "calendar_feeds",
        tables=["calendar_feed"],
        export=feeds.export_person,
        erase=feeds.erase_person,
    )
    registry.register(
        "preview_links",
        tables=["preview_link"],
        export=previews.export_person,
        erase=previews.erase_person,
    )
