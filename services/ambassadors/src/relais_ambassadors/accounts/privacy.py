"""Failed sign-ins with the person's address: in their export, deleted on erasure."""

from relais_ambassadors.models import LoginFailure
from relais_ambassadors.privacy.repository import register_owned

register_owned("login_failures", LoginFailure.email, by="email")
