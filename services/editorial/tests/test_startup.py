"""The served app's start-up: what it made stays out of later garbage collections
(relais_common.memory, RELAIS_GC_FREEZE)."""

from __future__ import annotations

import gc
from pathlib import Path

from relais_common.testing import TEST_SECRET
from relais_editorial.config import Settings
from relais_editorial.main import create_app


def _settings(tmp_path: Path, **over: object) -> Settings:
    return Settings(
        database_url=f"sqlite:///{tmp_path / 'editorial.db'}",
        internal_secret=TEST_SECRET,
        env="test",
        run_workers=False,
        **over,  # type: ignore[arg-type]
    )


def test_the_served_app_freezes_what_start_up_made(tmp_path: Path) -> None:
    before = gc.get_freeze_count()
    try:
        app = create_app(_settings(tmp_path, gc_freeze=True))
        assert gc.get_freeze_count() > before + 10_000  # modules, routes, models
        app.state.engine.dispose()
    finally:
        gc.unfreeze()


def test_freezing_can_be_turned_off_for_processes_that_build_many_apps(tmp_path: Path) -> None:
    gc.unfreeze()
    app = create_app(_settings(tmp_path, gc_freeze=False))
    assert gc.get_freeze_count() == 0
    app.state.engine.dispose()
