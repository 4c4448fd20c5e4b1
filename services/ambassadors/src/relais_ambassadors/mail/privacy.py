"""Mail sent to the person's address: in their export, deleted on erasure."""

from relais_ambassadors.models import MailMessage
from relais_ambassadors.privacy.repository import register_owned

register_owned("mail", MailMessage.to, by="email", hide=("secret_body",))
