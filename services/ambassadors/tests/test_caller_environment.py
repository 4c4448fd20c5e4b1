"""The suite never depends on the caller's environment (an exported RELAIS_ADMIN_EMAIL, ...)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from relais_ambassadors.config import Settings

HERE = Path(__file__).resolve().parent


def test_caller_variables_are_cleared_for_the_tests() -> None:
    assert "RELAIS_ADMIN_EMAIL" not in os.environ  # the autouse fixture in conftest.py
    assert Settings().admin_email == ""


def test_bootstrap_tests_pass_with_the_callers_admin_exported(tmp_path: Path) -> None:
    """`make test` from a shell that exports the deployment's settings: same results."""
    env = {
        **os.environ,
        "RELAIS_ADMIN_EMAIL": "someone@corp.example",
        "RELAIS_ADMIN_PASSWORD": "the deployment's password",
        "RELAIS_ADMIN_LOCALE": "en",
        "RELAIS_SIGNUP_DOMAINS": "corp.example",
        "AMBASSADORS_LOGIN_MAX_PER_CLIENT": "1",
    }
    tests = [
        str(HERE / "bootstrap" / "test_bootstrap_demo.py"),
        str(HERE / "accounts" / "test_signup.py"),
    ]
    done = subprocess.run(  # noqa: S603 - our own test files
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
