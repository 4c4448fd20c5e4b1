"""Password reset links of a person (never their hash): in their export, deleted on erasure."""

from relais_ambassadors.models import PasswordReset
from relais_ambassadors.privacy.repository import register_owned

register_owned("password_resets", PasswordReset.ambassador_id, hide=("token_hash",))
