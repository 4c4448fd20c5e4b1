"""SQL lives in repositories: fail on SQL built or run anywhere else in the services' code.

``python scripts/check_sql_placement.py`` (run by ``make lint``) scans the package of every
service that has a database (a ``migrations`` folder; not relais_common, the plumbing of
sessions, outbox and pagination) and flags, outside files named ``repository.py``:

- calls of ``select``, ``insert``, ``update``, ``delete`` or ``text`` imported from sqlalchemy;
- ``.execute(``, ``.scalar(``, ``.scalars(``, ``.get(`` on something called ``session`` or
  ``conn`` (``session``, ``self.session``, ``db_session``...), and any ``.query(``.

``scripts/sql_outside_repositories.txt`` lists the files not converted yet. It is a ratchet:
the check fails when a file not listed has SQL, and when a listed file no longer has any (take
its line out, so it can never come back).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALLOW_LIST = ROOT / "scripts" / "sql_outside_repositories.txt"
SQL_BUILDERS = {"select", "insert", "update", "delete", "text"}
SESSION_METHODS = {"execute", "scalar", "scalars", "get"}


def _receiver_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _sqlalchemy_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            names.update(a.asname or a.name for a in node.names if a.name in SQL_BUILDERS)
    return names


def sql_lines(source: str) -> list[int]:
    """The lines of ``source`` that build or run SQL."""
    tree = ast.parse(source)
    builders = _sqlalchemy_names(tree)
    lines: list[int] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in builders:
            lines.append(node.lineno)
        elif isinstance(func, ast.Attribute):
            receiver = _receiver_name(func.value).lower()
            on_session = "session" in receiver or receiver in {"conn", "connection"}
            if func.attr == "query" or (func.attr in SESSION_METHODS and on_session):
                lines.append(node.lineno)
    return sorted(set(lines))


def scanned_files(root: Path) -> Iterator[Path]:
    for package in sorted((root / "services").glob("*/src/*")):
        if package.is_dir() and (package.parents[1] / "migrations").is_dir():
            for path in sorted(package.rglob("*.py")):
                if path.name != "repository.py" and "migrations" not in path.parts:
                    yield path


def violations(root: Path) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for path in scanned_files(root):
        lines = sql_lines(path.read_text(encoding="utf-8"))
        if lines:
            found[path.relative_to(root).as_posix()] = lines
    return found


def allowed(path: Path) -> set[str]:
    if not path.exists():
        return set()
    entries = (line.split("#", 1)[0].strip() for line in path.read_text().splitlines())
    return {entry for entry in entries if entry}


def problems(root: Path, allow_list: Path) -> list[str]:
    found, listed = violations(root), allowed(allow_list)
    messages = [
        f"{path}:{lines[0]}: SQL outside a repository (move it to the noun's repository.py)"
        for path, lines in sorted(found.items())
        if path not in listed
    ]
    messages += [
        f"{path}: no SQL left, remove its line from {allow_list.name}"
        for path in sorted(listed - set(found))
    ]
    return messages


def main() -> int:
    messages = problems(ROOT, ALLOW_LIST)
    for message in messages:
        print(message)
    return 1 if messages else 0


if __name__ == "__main__":
    sys.exit(main())
