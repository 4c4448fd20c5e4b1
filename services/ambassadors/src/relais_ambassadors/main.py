"""create_app(): routers, jobs and settings for the ambassadors service."""

from __future__ import annotations

from fastapi import FastAPI
from relais_common.app import create_service_app
from relais_common.events import events_router
from relais_common.memory import freeze_startup_objects

from relais_ambassadors.accounts import passwords
from relais_ambassadors.accounts.router import router as accounts_router
from relais_ambassadors.admin.router import router as admin_router
from relais_ambassadors.charters.router import router as charters_router
from relais_ambassadors.config import Settings
from relais_ambassadors.consents.router import router as consents_router
from relais_ambassadors.cycle.router import router as cycle_router
from relais_ambassadors.departments.router import router as departments_router
from relais_ambassadors.directory.router import router as directory_router
from relais_ambassadors.externals.router import router as externals_router
from relais_ambassadors.internal.router import router as internal_router
from relais_ambassadors.invitations.router import router as invitations_router
from relais_ambassadors.mail.router import router as mail_router
from relais_ambassadors.mail.sender import mail_job
from relais_ambassadors.memberships.router import router as memberships_router
from relais_ambassadors.models import events
from relais_ambassadors.moderation.router import router as moderation_router
from relais_ambassadors.networks.router import router as networks_router
from relais_ambassadors.password_resets.router import router as password_resets_router
from relais_ambassadors.presence.router import router as presence_router
from relais_ambassadors.privacy.router import router as privacy_router
from relais_ambassadors.profiles.router import router as profiles_router
from relais_ambassadors.social_accounts.router import router as social_accounts_router
from relais_ambassadors.suggestions.router import router as suggestions_router
from relais_ambassadors.themes.router import router as themes_router


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    passwords.configure(settings.password_hashing)
    app = create_service_app(
        settings,
        title="Relais ambassadors",
        description="People, social accounts, themes, departments, charter, consent, invitations.",
        routers=[
            accounts_router,
            password_resets_router,
            profiles_router,
            charters_router,
            social_accounts_router,
            consents_router,
            privacy_router,
            directory_router,
            themes_router,
            departments_router,
            networks_router,
            memberships_router,
            suggestions_router,
            externals_router,
            cycle_router,
            presence_router,
            invitations_router,
            moderation_router,
            admin_router,
            mail_router,
            internal_router,
            events_router(events),
        ],
        jobs=[mail_job],
    )
    freeze_startup_objects(settings)
    return app
