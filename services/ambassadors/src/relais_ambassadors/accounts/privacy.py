"""Failed sign-ins with the person's address and their e-mail confirmation links (never their
hash): in their export, deleted on erasure."""

from relais_ambassadors.models import EmailVerification, LoginFailure
from relais_ambassadors.privacy.repository import register_owned

register_owned("login_failures", LoginFailure.email, by="email")
register_owned("email_verifications", EmailVerification.ambassador_id, hide=("token_hash",))
