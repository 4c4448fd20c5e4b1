"""The real Relais stack for the gateway fuzz: three services and the gateway under uvicorn.

Each service runs its own create_app on a throwaway database (SQLite files, or PostgreSQL
with RELAIS_TEST_DB=postgresql, as the rest of the suite), migrated; ambassadors is
bootstrapped (the first admin and the charter) and holds one verified ambassador who
accepted the charter, plus a colleague (the one the admin may suspend, approve or reject).
The gateway is served as ``python -m relais_gateway`` serves it, in
front of them, with its rate limits lifted (and the ambassadors' sign-in lockout too).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from relais_aggregator.config import Settings as AggregatorSettings
from relais_aggregator.main import create_app as create_aggregator
from relais_ambassadors.accounts.service import create_account
from relais_ambassadors.bootstrap import bootstrap
from relais_ambassadors.charters.service import accept
from relais_ambassadors.config import Settings as AmbassadorsSettings
from relais_ambassadors.main import create_app as create_ambassadors
from relais_ambassadors.publication import current_charter_version
from relais_common.migrations import upgrade
from relais_common.testing import TEST_SECRET, throwaway_database
from relais_editorial.config import Settings as EditorialSettings
from relais_editorial.main import create_app as create_editorial
from relais_gateway.__main__ import server_config
from relais_gateway.config import GatewaySettings

from .upstream import free_port, serve, serve_config

REPO = Path(__file__).resolve().parents[3]
SESSION_SECRET = "fuzz-session-secret-0123456789abcdef"
ADMIN = ("core-team@fuzz.example", "Adm1n-fuzz-long-password")
AMBASSADOR = ("ambassador@fuzz.example", "Amb-fuzz-long-password-1")
COLLEAGUE = ("colleague@fuzz.example", "Colleague-fuzz-password-2")
LIFTED = 1_000_000  # requests a client may make: no limit within one run


@dataclass(frozen=True)
class Stack:
    url: str  # the gateway
    admin: tuple[str, str]  # e-mail, password
    ambassador: tuple[str, str]
    colleague: tuple[str, str]

    def bearer(self, who: tuple[str, str]) -> dict[str, str]:
        email, password = who
        resp = httpx.post(
            f"{self.url}/api/auth/token",
            data={"username": email, "password": password},
            timeout=30,
        )
        assert resp.status_code == 200, resp.text
        return {"Authorization": f"Bearer {resp.json()['access_token']}"}


def _ambassadors_settings(database_url: str, var_dir: Path) -> AmbassadorsSettings:
    return AmbassadorsSettings(
        database_url=database_url,
        internal_secret=TEST_SECRET,
        env="test",
        run_workers=False,
        log_json=False,
        var_dir=var_dir,
        public_base_url="https://relais.example",
        password_hashing="fast",
        signup_domains="fuzz.example",
        admin_email=ADMIN[0],
        admin_password=ADMIN[1],
        admin_locale="en",
        login_max_per_client=LIFTED,
        login_max_per_ip=LIFTED,
        login_max_per_email=LIFTED,
        verification_max_per_hour=LIFTED,
        reset_max_per_hour=LIFTED,
    )


def _add_ambassadors(settings: AmbassadorsSettings) -> None:
    app = create_ambassadors(settings)
    try:
        with app.state.sessionmaker.begin() as session:
            version = current_charter_version(session)
            assert version is not None, "bootstrap publishes the charter"
            for (email, password), name in ((AMBASSADOR, "Fuzz Ambassador"), (COLLEAGUE, "Col")):
                person = create_account(
                    session, email=email, password=password, display_name=name, verified=True
                )
                accept(session, person, version)
    finally:
        app.state.engine.dispose()


def _created(resp: httpx.Response) -> str:
    assert resp.status_code in (200, 201), resp.text
    return str(resp.json()["id"])


def seed(stack: Stack) -> dict[str, list[str]]:
    """Things to name in paths, made through the gateway: path parameter -> ids that exist
    ("<METHOD> <parameter>" when only that method may have them).

    The fuzz swaps some generated path parameters for these, so operations on a theme, a
    department, an invitation, an account or a person get past "not found". The admin and
    the fuzzing ambassador are never named (the fuzz must not suspend or demote its caller).
    """
    api = f"{stack.url}/api/ambassadors"
    admin = stack.bearer(stack.admin)
    colleague = stack.bearer(stack.colleague)
    with httpx.Client(timeout=30) as http:
        theme = _created(http.post(f"{api}/themes", json={"name": "Cloud"}, headers=admin))
        other = _created(http.post(f"{api}/themes", json={"name": "Data"}, headers=admin))
        department = _created(http.post(f"{api}/departments", json={"name": "R&D"}, headers=admin))
        invitation = _created(
            http.post(f"{api}/invitations", json={"email": "new@fuzz.example"}, headers=admin)
        )
        ambassador = stack.bearer(stack.ambassador)
        mine, spare = (
            _created(
                http.post(
                    f"{api}/me/accounts",
                    json={"platform": "github", "value": handle, "public": True},
                    headers=ambassador,
                )
            )
            for handle in ("octocat", "hubot")
        )
        account = {"platform": "github", "value": "octocat", "public": True}
        _created(http.post(f"{api}/me/accounts", json=account, headers=colleague))
        listed = http.put(f"{api}/me/listing", json={"public": True}, headers=colleague)
        assert listed.status_code == 200, listed.text
        me = http.get(f"{api}/me", headers=colleague)
        assert me.status_code == 200, me.text
    return {
        "theme_id": [theme, other],
        "department_id": [department],
        "invitation_id": [invitation],
        "account_id": [mine],
        "DELETE account_id": [spare],  # deleted early on: the others keep theirs
        "ambassador_id": [str(me.json()["id"])],
    }


@contextmanager
def real_stack(tmp_dir: Path) -> Iterator[Stack]:
    """The whole stack on free 127.0.0.1 ports for the block; databases dropped after."""
    with ExitStack() as stack:
        urls = {
            name: stack.enter_context(throwaway_database(f"fuzz_{name}", tmp_dir))
            for name in ("ambassadors", "editorial", "aggregator")
        }
        amb_settings = _ambassadors_settings(urls["ambassadors"], tmp_dir / "ambassadors")
        bootstrap(amb_settings)  # migrates, the first admin, the charter
        _add_ambassadors(amb_settings)
        upgrade(REPO / "services" / "editorial", urls["editorial"])
        upgrade(REPO / "services" / "aggregator", urls["aggregator"])
        amb = stack.enter_context(serve(create_ambassadors(amb_settings)))
        common: dict[str, Any] = {
            "internal_secret": TEST_SECRET,
            "env": "test",
            "run_workers": False,
        }
        editorial = EditorialSettings(database_url=urls["editorial"], ambassadors_url=amb, **common)
        aggregator = AggregatorSettings(
            database_url=urls["aggregator"], ambassadors_url=amb, **common
        )
        edi = stack.enter_context(serve(create_editorial(editorial)))
        agg = stack.enter_context(serve(create_aggregator(aggregator)))
        spa = tmp_dir / "spa"
        spa.mkdir()
        (spa / "index.html").write_text("<!doctype html><div id=root></div>")
        port = free_port()
        gateway = GatewaySettings(
            env="test",
            host="127.0.0.1",
            port=port,
            internal_secret=TEST_SECRET,
            session_secret=SESSION_SECRET,
            ambassadors_url=amb,
            editorial_url=edi,
            aggregator_url=agg,
            spa_dir=spa,
            log_json=True,
            access_log=False,
            api_rate_per_second=float(LIFTED),
            api_burst=LIFTED,
            auth_rate_per_minute=float(LIFTED),
            auth_burst=LIFTED,
        )
        url = stack.enter_context(serve_config(server_config(gateway)))
        yield Stack(url=url, admin=ADMIN, ambassador=AMBASSADOR, colleague=COLLEAGUE)
