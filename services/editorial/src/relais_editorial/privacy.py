"""What editorial holds about a person, for their export and erasure (nothing yet).

Shares, authorship and calendar entries will register here as they arrive; a test fails when
a table holding a person (a column such as ``ambassador_id``) is covered by nothing.
"""

from __future__ import annotations

from relais_common.privacy import PrivacyRegistry

from relais_editorial.models import events

# People live in the ambassadors service: editorial tables refer to them by id only.
REGISTRY: PrivacyRegistry[str] = PrivacyRegistry(person_table="ambassador")
REGISTRY.exempt(events.outbox.name, "editorial publishes no events about people yet")
