"""The themes a person declared: their profile in the export lists them; erased with them."""

from relais_ambassadors.models import AmbassadorTheme
from relais_ambassadors.privacy.repository import register_owned

register_owned("themes", AmbassadorTheme.ambassador_id, exported=False)
