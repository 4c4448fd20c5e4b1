"""Suspensions of a person: in their export, deleted on erasure."""

from relais_ambassadors.models import SuspensionRecord
from relais_ambassadors.privacy.repository import register_owned

register_owned("suspensions", SuspensionRecord.ambassador_id)
