"""A network's calendar with its grids and variants, out and in, as JSON or CSV."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Literal

from fastapi import Query, Request, Response
from relais_common.db import DbSession
from relais_common.errors import ProblemError, field_error
from relais_common.routing import api_router
from starlette.concurrency import run_in_threadpool

from relais_editorial.access import CommitteeReader
from relais_editorial.config import EditorialSettings
from relais_editorial.networks.auth import CommitteeOf
from relais_editorial.transfer import formats, service
from relais_editorial.transfer.schemas import MAX_IMPORT_BYTES, ImportOutcome

router = api_router("calendar_transfer")
BASE = "/networks/{slug}/calendar"
Format = Literal["json", "csv"]
MEDIA = {"json": "application/json", "csv": "text/csv; charset=utf-8"}


class PayloadTooLarge(ProblemError):
    status, code = 413, "payload-too-large"


def _day_start(day: date | None) -> datetime | None:
    return datetime.combine(day, time(), UTC) if day else None


@router.get(
    f"{BASE}/export",
    response_class=Response,
    responses={200: {"content": {"application/json": {}, "text/csv": {}}}},
    name="export",
)
def export(
    access: CommitteeReader,
    session: DbSession,
    format: Format = "json",
    from_: Annotated[date | None, Query(alias="from")] = None,
    to: Annotated[date | None, Query(description="Inclusive.")] = None,
) -> Response:
    """Entries overlapping [from, to] (both optional), with their grids and variants."""
    if from_ and to and to < from_:
        raise field_error("to", "The end of the range cannot be before its start.")
    until = _day_start(to + timedelta(days=1)) if to else None
    document = service.document(
        session, access.network.id, access.network.slug, since=_day_start(from_), until=until
    )
    body = formats.to_csv(document) if format == "csv" else formats.to_json(document)
    filename = f"{access.network.slug}-calendar.{format}"
    return Response(
        body,
        media_type=MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


async def upload(request: Request) -> tuple[bytes, str]:
    """The file's bytes and its format, from a multipart `file` field or the raw body."""
    kind = request.headers.get("content-type", "")
    if kind.startswith("multipart/form-data"):
        form = await request.form(max_part_size=MAX_IMPORT_BYTES + 1)
        part = form.get("file")
        if part is None:
            raise field_error("file", "Attach the file in a field named file.")
        raw = part.encode() if isinstance(part, str) else await part.read(MAX_IMPORT_BYTES + 1)
        name = "" if isinstance(part, str) else (part.filename or "")
        kind = "" if isinstance(part, str) else (part.content_type or "")
    else:
        raw, name = await request.body(), ""
    if len(raw) > MAX_IMPORT_BYTES:
        raise PayloadTooLarge("The file is larger than 2 MB; split it into several imports.")
    is_csv = name.lower().endswith(".csv") or "csv" in kind
    return raw, "csv" if is_csv else "json"


_FILE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "text/csv": {"schema": {"type": "string"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
        },
    }
}


@router.post(
    f"{BASE}/import",
    response_model=ImportOutcome,
    status_code=201,
    openapi_extra=_FILE_BODY,
    name="import",
)
async def import_calendar(
    request: Request, access: CommitteeOf, session: DbSession, settings: EditorialSettings
) -> ImportOutcome:
    """All or nothing: a 422 lists every problem with its row and field, and writes nothing."""
    data, file_format = await upload(request)
    return await run_in_threadpool(
        service.import_document,
        session,
        access,
        data,
        file_format,
        default_disclosure=settings.default_disclosure,
    )
