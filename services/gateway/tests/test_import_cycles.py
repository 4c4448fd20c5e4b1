"""scripts/check_import_cycles.py (run by `make lint`) fails on a cycle, even a late one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "check_import_cycles.py"


def check(src: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our interpreter, our script
        [sys.executable, str(SCRIPT), str(src)], capture_output=True, text=True, check=False
    )


def package(src: Path, files: dict[str, str]) -> Path:
    root = src / "relais_sample"
    root.mkdir(parents=True)
    (root / "__init__.py").write_text("")
    for name, text in files.items():
        (root / f"{name}.py").write_text(text)
    return src


def test_a_cycle_through_a_late_import_fails(tmp_path: Path) -> None:
    src = package(
        tmp_path,
        {
            "main": "from relais_sample import docs\n",
            "docs": "from relais_sample.live import document\n",
            "live": "from . import merge\n",
            "merge": "def build():\n    from relais_sample.main import app\n    return app\n",
        },
    )
    result = check(src)
    assert result.returncode == 1
    assert "relais_sample.docs, relais_sample.live, relais_sample.main, relais_sample.merge" in (
        result.stderr
    )


def test_type_checking_imports_and_acyclic_packages_pass(tmp_path: Path) -> None:
    src = package(
        tmp_path,
        {
            "a": "import typing\nif typing.TYPE_CHECKING:\n    from relais_sample import b\n",
            "b": "import relais_sample.a\n",
        },
    )
    result = check(src)
    assert result.returncode == 0, result.stderr
