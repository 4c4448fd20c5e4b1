"""Top-level domains that make ``example.com/path`` a URL without a scheme (X's rule).

twitter-text ships IANA's whole root zone. Relais keeps every country-code TLD (IANA's list,
IDN ccTLDs included) and a bounded list of generic TLDs: the legacy ones and the new ones
people actually use. Deviation: a scheme-less domain under an unlisted generic TLD (``.fyi``,
``.horse``...) counts as text here, where X would count 23; with a scheme, the same. The lists
live in ``tlds.json``, which the SPA's ``counting.ts`` imports too.
"""

from __future__ import annotations

import json
from pathlib import Path

_LISTS = json.loads((Path(__file__).parent / "tlds.json").read_text(encoding="utf-8"))
GENERIC_TLDS: tuple[str, ...] = tuple(_LISTS["generic"])
COUNTRY_TLDS: tuple[str, ...] = tuple(_LISTS["country"])
