"""The lint check that keeps SQL in repositories, on small trees built for each case."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[3]


def checker() -> ModuleType:
    path = ROOT / "scripts" / "check_sql_placement.py"
    spec = importlib.util.spec_from_file_location("check_sql_placement", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tree(root: Path, files: dict[str, str]) -> Path:
    (root / "services" / "svc" / "migrations").mkdir(parents=True)
    for name, source in files.items():
        path = root / "services" / "svc" / "src" / "relais_svc" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
    return root


SQL = "from sqlalchemy import select\n\ndef f(session):\n    return session.scalars(select(X))\n"


def test_what_counts_as_sql() -> None:
    lines = checker().sql_lines
    assert lines(SQL) == [4]
    assert lines("def f(self):\n    return self.session.get(X, 1)\n") == [2]
    assert lines("def f(db):\n    return db.query(X)\n") == [2]
    # a service function named update, a dict's get, a router's delete: not SQL
    assert lines("def f(d, service):\n    service.update(1)\n    return d.get('k')\n") == []
    assert lines("from x import delete\n\ndelete(1)\n") == []


def test_sql_outside_a_repository_fails_and_inside_passes(tmp_path: Path) -> None:
    check = checker()
    root = tree(tmp_path, {"things/service.py": SQL, "things/repository.py": SQL})
    allow = tmp_path / "allow.txt"
    [message] = check.problems(root, allow)
    assert "services/svc/src/relais_svc/things/service.py:4: SQL outside a repository" in message


def test_the_allow_list_is_a_ratchet(tmp_path: Path) -> None:
    check = checker()
    root = tree(tmp_path, {"old/service.py": SQL, "clean/service.py": "x = 1\n"})
    allow = tmp_path / "allow.txt"
    allow.write_text("# not converted yet\nservices/svc/src/relais_svc/old/service.py\n")
    assert check.problems(root, allow) == []
    allow.write_text(allow.read_text() + "services/svc/src/relais_svc/clean/service.py\n")
    [stale] = check.problems(root, allow)
    assert stale.startswith("services/svc/src/relais_svc/clean/service.py: no SQL left")


def test_services_without_a_database_are_not_scanned(tmp_path: Path) -> None:
    gateway = tmp_path / "services" / "gw" / "src" / "relais_gw" / "proxy.py"
    gateway.parent.mkdir(parents=True)
    gateway.write_text("async def f(session):\n    return await session.get('https://x')\n")
    assert checker().problems(tmp_path, tmp_path / "allow.txt") == []
