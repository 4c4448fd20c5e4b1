"""A person's social accounts: in their export, deleted on erasure."""

from relais_ambassadors.models import SocialAccount
from relais_ambassadors.privacy.repository import register_owned

register_owned("social_accounts", SocialAccount.ambassador_id)
