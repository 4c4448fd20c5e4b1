"""Invitations sent to the person's address: in their export, deleted on erasure."""

from relais_ambassadors.models import Invitation
from relais_ambassadors.privacy.repository import register_owned

register_owned("invitations", Invitation.email, by="email")
