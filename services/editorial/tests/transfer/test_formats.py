"""The CSV and JSON forms of a calendar document, without HTTP or a database."""

from __future__ import annotations

import pytest
from relais_editorial.transfer import formats
from relais_editorial.transfer.schemas import CalendarDocument, EntryData, GridData, VariantData


def one_variant(text: str) -> CalendarDocument:
    return CalendarDocument(
        entries=[
            EntryData(
                id="e1",
                kind="topic",
                title="T",
                starts_at="2026-12-10T09:00:00Z",  # type: ignore[arg-type]
                ends_at="2026-12-10T10:00:00Z",  # type: ignore[arg-type]
                grids=[
                    GridData(
                        id="g1",
                        title="G",
                        variants=[VariantData(platform="x", language="fr", text=text)],
                    )
                ],
            )
        ]
    )


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        "+33 6",
        "-5",
        "@here",
        "'=already quoted",
        "''",
        "'plain",
        "tab\there",
        'a,b;"c"\nd',
        "é 🚀 中文",
    ],
)
def test_csv_keeps_every_text_and_never_starts_a_cell_with_a_formula(text: str) -> None:
    document = one_variant(text)
    data = formats.to_csv(document)
    problems = formats.Problems()
    assert formats.from_csv(data, problems) == document
    assert problems.found == []
    assert formats.from_json(formats.to_json(document), formats.Problems()) == document
    cell = formats._cell(text)
    assert not cell.startswith(formats.FORMULA_START)


def test_csv_refuses_unknown_columns_and_non_utf8() -> None:
    problems = formats.Problems()
    assert formats.from_csv(b"entry_title,colour\r\nT,red\r\n", problems) is None
    assert problems.found == [{"field": "colour", "row": "1", "message": "Unknown column."}]
    problems = formats.Problems()
    assert formats.from_csv("entry_title\r\nCaf\xe9\r\n".encode("latin-1"), problems) is None
    assert problems.found[0]["field"] == "file"


def test_json_problems_name_the_entry_and_the_field() -> None:
    problems = formats.Problems()
    formats.from_json(b'{"entries": [{"kind": "topic"}]}', problems)
    fields = {(p["row"], p["field"]) for p in problems.found}
    assert ("1", "entries.0.title") in fields and ("1", "entries.0.starts_at") in fields
    problems = formats.Problems()
    formats.from_json(b"not json", problems)
    assert problems.found
