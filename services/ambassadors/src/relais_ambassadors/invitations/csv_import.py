"""Bulk invitations from a CSV file (name,email,department,location), with a per-line report."""

from __future__ import annotations

import csv
import io

from relais_common.errors import field_error
from sqlalchemy.orm import Session

from relais_ambassadors.config import Settings
from relais_ambassadors.departments.service import find as find_department
from relais_ambassadors.invitations.schemas import ImportReport, LineError, SkippedLine
from relais_ambassadors.invitations.service import duplicate_reason, invite
from relais_ambassadors.validation import normalise_email

COLUMNS = ("name", "email", "department", "location")


def _reader(text: str) -> tuple[list[str], csv.DictReader[str]]:
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter, restkey="_extra")
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "email" not in header:
        raise field_error(
            "file", "The first line must name the columns: name,email,department,location."
        )
    reader.fieldnames = header
    return header, reader


def import_invitations(session: Session, settings: Settings, text: str) -> ImportReport:
    _, reader = _reader(text)
    report = ImportReport(created=0, skipped=[], errors=[])
    seen: set[str] = set()
    for row in reader:
        if any((v or "").strip() for k, v in row.items() if k != "_extra"):
            _import_line(session, settings, reader.line_num, row, seen, report)
    return report


def _import_line(
    session: Session,
    settings: Settings,
    line: int,
    row: dict[str, str],
    seen: set[str],
    report: ImportReport,
) -> None:
    if row.get("_extra") or None in row.values():
        report.errors.append(LineError(line=line, message="Expected 4 columns."))
        return
    try:
        email = normalise_email(row.get("email") or "")
    except ValueError as exc:
        report.errors.append(LineError(line=line, message=str(exc)))
        return
    reason = "appears twice in the file" if email in seen else duplicate_reason(session, email)
    seen.add(email)
    if reason:
        report.skipped.append(SkippedLine(line=line, email=email, reason=reason))
        return
    department_name = (row.get("department") or "").strip()
    department = find_department(session, department_name) if department_name else None
    if department_name and department is None:
        report.errors.append(
            LineError(line=line, message=f"Unknown department “{department_name}”.")
        )
        return
    invite(
        session,
        settings,
        email=email,
        display_name=(row.get("name") or "").strip()[:120],
        department_id=department.id if department else None,
        location=(row.get("location") or "").strip()[:120],
    )
    report.created += 1
