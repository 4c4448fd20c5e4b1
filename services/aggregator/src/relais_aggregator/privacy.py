"""What the aggregator holds about a person (their public listing), and how it is erased.

The export is the ambassadors service's (it holds the projection this read model copies);
erasure arrives as the `ambassador.erased` event. A test fails when a table holding a person
is covered by nothing here.
"""

from __future__ import annotations

from relais_common.privacy import PrivacyRegistry

from relais_aggregator.feeds import repository as feeds
from relais_aggregator.feeds.models import Feed, FeedItem
from relais_aggregator.models import PublicAccount, PublicPerson, PublicPersonTheme, events
from relais_aggregator.readmodel import repository

REGISTRY: PrivacyRegistry[str] = PrivacyRegistry(person_table=PublicPerson.__tablename__)
REGISTRY.register(
    "public_listing",
    tables=[
        PublicPerson.__tablename__,
        PublicPersonTheme.__tablename__,
        PublicAccount.__tablename__,
    ],
    erase=repository.forget_person,
)
REGISTRY.register(
    "public_posts",
    tables=[Feed.__tablename__, FeedItem.__tablename__],
    erase=feeds.forget_person,
)
REGISTRY.exempt(events.outbox.name, "the aggregator publishes no events: it only consumes")
