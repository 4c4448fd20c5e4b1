"""RELAIS_GC_FREEZE: on for served processes, off in the test suites (one process, many apps)."""

from __future__ import annotations

import gc

import pytest
from relais_common.memory import freeze_startup_objects
from relais_common.settings import CommonSettings


def test_the_suites_build_apps_without_freezing() -> None:
    # the plugin's RELAIS_GC_FREEZE=false, still there after the other suites' fixtures (the
    # whole run's order: a conftest's copy of the plugin's fixture once removed it for the rest)
    assert CommonSettings().gc_freeze is False


def test_served_processes_freeze_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RELAIS_GC_FREEZE")
    settings = CommonSettings()
    assert settings.gc_freeze is True
    gc.unfreeze()
    try:
        freeze_startup_objects(settings)
        assert gc.get_freeze_count() > 0  # this process's modules, at least
    finally:
        gc.unfreeze()


def test_turned_off_nothing_is_frozen() -> None:
    gc.unfreeze()
    freeze_startup_objects(CommonSettings(gc_freeze=False))
    assert gc.get_freeze_count() == 0
