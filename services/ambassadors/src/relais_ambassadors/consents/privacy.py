"""The consent ledger of a person: in their export, deleted on erasure."""

from relais_ambassadors.models import ConsentRecord
from relais_ambassadors.privacy.repository import register_owned

register_owned("consents", ConsentRecord.ambassador_id)
