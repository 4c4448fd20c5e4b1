"""One rule decides what a placeholder secret is: settings classes and `make run` share it."""

from __future__ import annotations

import importlib.util
import secrets
from pathlib import Path
from types import ModuleType

import pytest
from relais_common.settings import CommonSettings, is_placeholder_secret

ROOT = Path(__file__).resolve().parents[3]


def run_stack() -> ModuleType:
    spec = importlib.util.spec_from_file_location("run_stack", ROOT / "scripts" / "run_stack.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "value",
    [
        "",
        "change-me",
        "CHANGE-ME-PLEASE",
        "changeme0123456789012345678901234567",
        "secret",
        "short",
    ],
)
def test_placeholders(value: str) -> None:
    assert is_placeholder_secret(value)


def test_a_long_random_value_is_not_a_placeholder() -> None:
    assert not is_placeholder_secret(secrets.token_urlsafe(32))


@pytest.mark.parametrize("value", ["change-me-in-production-0123456789abcdef", "too-short-1234"])
def test_production_refuses_what_the_rule_calls_a_placeholder(value: str) -> None:
    with pytest.raises(ValueError, match="RELAIS_INTERNAL_SECRET"):
        CommonSettings(env="production", internal_secret=value)
    assert CommonSettings(env="production", internal_secret="x" * 40).internal_secret


def test_make_run_replaces_a_placeholder_from_the_environment(tmp_path: Path) -> None:
    env = {"RELAIS_INTERNAL_SECRET": "change-me", "RELAIS_SESSION_SECRET": "k" * 43}
    run_stack().ensure_secrets(env, tmp_path)
    assert not is_placeholder_secret(env["RELAIS_INTERNAL_SECRET"])
    assert env["RELAIS_SESSION_SECRET"] == "k" * 43  # a real one is kept as given
    assert env["RELAIS_INTERNAL_SECRET"] in (tmp_path / "secrets.env").read_text()
