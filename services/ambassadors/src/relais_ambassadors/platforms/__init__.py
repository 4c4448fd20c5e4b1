"""Platform-aware validation and normalisation of social accounts: Relais's "no lies" core.

``normalise(platform, value, guard=...)`` turns what a person pasted (a handle, ``@handle``
or a profile URL) into one canonical :class:`NormalisedAccount`, or raises
:class:`InvalidHandle` with a message that says what is expected.
"""

from relais_ambassadors.platforms.model import InvalidHandle, NormalisedAccount, PlatformInfo
from relais_ambassadors.platforms.registry import PLATFORMS, normalise, with_feed

__all__ = [
    "PLATFORMS",
    "InvalidHandle",
    "NormalisedAccount",
    "PlatformInfo",
    "normalise",
    "with_feed",
]
