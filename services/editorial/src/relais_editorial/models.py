"""Editorial tables: the Base, the events tables, and every noun's models (so Alembic sees them).

Each noun keeps its tables in its own ``models.py``; they are imported at the bottom so that
``Base.metadata`` is complete whichever module is imported first.
"""

from __future__ import annotations

from relais_common.events import EventTables

from relais_editorial.base import Base

events = EventTables(Base.metadata)

# The nouns' tables (they import Base from relais_editorial.base, so no cycle back to here).
from relais_editorial.briefs import models as briefs_models  # noqa: E402
from relais_editorial.calendars import models as calendars_models  # noqa: E402
from relais_editorial.comments import models as comments_models  # noqa: E402
from relais_editorial.contributions import models as contributions_models  # noqa: E402
from relais_editorial.grids import models as grids_models  # noqa: E402
from relais_editorial.ical import models as ical_models  # noqa: E402
from relais_editorial.networks import models as networks_models  # noqa: E402
from relais_editorial.previews import models as previews_models  # noqa: E402
from relais_editorial.reviews import models as reviews_models  # noqa: E402

NOUN_MODELS = (networks_models, calendars_models, grids_models, reviews_models, comments_models)
EXTRA_MODELS = (briefs_models, contributions_models, ical_models, previews_models)
